'use strict';
// osls plugin: once the artifact is zipped and serverless-python-requirements (listed before this plugin)
// has added the requirements, compile every module in it with the runtime's Python as unchecked-hash
// bytecode (scripts/compile_artifact.py). It runs before osls hashes the zip for the published version.
const { execFileSync } = require('child_process');
const path = require('path');

class CompileBytecode {
  constructor(serverless) {
    this.serverless = serverless;
    this.hooks = { 'after:package:createDeploymentArtifacts': () => this.compile() };
  }

  compile() {
    const root = this.serverless.config.servicePath;
    const artifact = this.serverless.service.package.artifact;
    const python = process.env.PACKAGING_PYTHON || path.join(root, '.venv', 'bin', 'python');
    execFileSync(python, ['-m', 'scripts.compile_artifact', artifact, this.serverless.service.provider.runtime],
      { cwd: root, stdio: 'inherit' });
  }
}

module.exports = CompileBytecode;
