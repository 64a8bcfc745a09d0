// Starts Swagger UI on /api/docs with the live OpenAPI document (a file of its own: the CSP allows no inline script).
window.addEventListener("DOMContentLoaded", function () {
  window.SwaggerUIBundle({
    url: "/api/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: false,  // its links inside each operation's button are nested controls (axe: nested-interactive)
    displayOperationId: true,
    validatorUrl: null,
  });
});
