from local.table_definition import create_table_request, load_template, table_properties


def test_local_table_matches_the_cloudformation_definition(dynamodb, local_settings):
    # Given the table built from infra/table.yml on moto server
    described = dynamodb.describe_table(TableName=local_settings.table_name)["Table"]
    props = table_properties()
    # Then keys, attributes, billing and every index match the deployed definition
    assert described["KeySchema"] == props["KeySchema"]
    assert sorted(described["AttributeDefinitions"], key=lambda a: a["AttributeName"]) == \
        sorted(props["AttributeDefinitions"], key=lambda a: a["AttributeName"])
    assert described["BillingModeSummary"]["BillingMode"] == props["BillingMode"] == "PAY_PER_REQUEST"
    local_indexes = {i["IndexName"]: (i["KeySchema"], i["Projection"]) for i in described["GlobalSecondaryIndexes"]}
    deployed = {i["IndexName"]: (i["KeySchema"], i["Projection"]) for i in props["GlobalSecondaryIndexes"]}
    assert local_indexes == deployed and set(deployed) == {"due", "clinic"}
    ttl = dynamodb.describe_time_to_live(TableName=local_settings.table_name)["TimeToLiveDescription"]
    assert ttl["AttributeName"] == props["TimeToLiveSpecification"]["AttributeName"] == "ttl"
    backups = dynamodb.describe_continuous_backups(TableName=local_settings.table_name)
    assert backups["ContinuousBackupsDescription"]["PointInTimeRecoveryDescription"][
        "PointInTimeRecoveryStatus"] == "ENABLED"


def test_deployed_table_is_encrypted_with_its_own_key_and_retained():
    template = load_template()
    table = template["Resources"]["TaperlineTable"]
    assert table["Properties"]["SSESpecification"] == {"SSEEnabled": True, "SSEType": "KMS",
                                                       "KMSMasterKeyId": {"Ref": "TableKey"}}
    assert table["DeletionPolicy"] == "Retain"
    assert template["Resources"]["TableKey"]["Type"] == "AWS::KMS::Key"
    assert create_table_request("x")["SSESpecification"] == {"Enabled": True, "SSEType": "KMS"}


def test_replacing_the_local_table_finds_it_among_more_than_a_page_of_tables(dynamodb, local_settings):
    # list_tables pages at 100 names: with 101 tables made before it, the table is not on the first page
    from local.table_definition import create_table

    for n in range(101):
        dynamodb.create_table(TableName=f"{local_settings.table_name}-{n:03d}", BillingMode="PAY_PER_REQUEST",
                              AttributeDefinitions=[{"AttributeName": "k", "AttributeType": "S"}],
                              KeySchema=[{"AttributeName": "k", "KeyType": "HASH"}])
    late = f"{local_settings.table_name}-local"
    create_table(dynamodb, late)
    create_table(dynamodb, late, replace=True)
    assert dynamodb.describe_table(TableName=late)["Table"]["TableStatus"] == "ACTIVE"
