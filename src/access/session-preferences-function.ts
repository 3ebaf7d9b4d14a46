/**
 * The handler of the custom resource that holds an account and region's Session Manager preferences
 * (`SSM-SessionManagerRunShell`), as inline Python (no asset: it works in a StackSet too). CloudFormation's
 * `AWS::SSM::Document` cannot serve: it fails where the document exists (the console creates it the first time anyone
 * saves preferences), and an update with `UpdateMethod: NewVersion` makes a version it never sets as the default
 * (cloudformation-coverage-roadmap#2539), so Session Manager would keep reading the old preferences. This handler creates
 * the document, or updates it and makes the new version the default. On delete it leaves the document as it is: the
 * account's preferences must not vanish with a stack (remove them in the console, or with `aws ssm delete-document`).
 *
 * `cfnresponse` is the module CloudFormation provides to inline Lambda code; the tests run the handler against moto.
 */
export const SESSION_PREFERENCES_HANDLER = `import json

import boto3
import cfnresponse

NAME = 'SSM-SessionManagerRunShell'


def version_with(ssm, content):
    # Versions are numbered 1, 2, ...: the newest that holds the content (some may have been deleted).
    wanted = json.loads(content)
    latest = int(ssm.describe_document(Name=NAME)['Document']['LatestVersion'])
    for number in map(str, range(latest, 0, -1)):
        try:
            found = ssm.get_document(Name=NAME, DocumentVersion=number, DocumentFormat='JSON')['Content']
        except ssm.exceptions.InvalidDocumentVersion:
            continue
        if json.loads(found) == wanted:
            return number
    raise RuntimeError('no version of ' + NAME + ' holds the preferences')


def apply(ssm, content):
    try:
        ssm.create_document(Name=NAME, Content=content, DocumentType='Session', DocumentFormat='JSON')
        return
    except ssm.exceptions.DocumentAlreadyExists:
        pass
    try:
        version = ssm.update_document(Name=NAME, Content=content, DocumentVersion='$LATEST',
                                      DocumentFormat='JSON')['DocumentDescription']['DocumentVersion']
    except ssm.exceptions.DuplicateDocumentContent:
        version = version_with(ssm, content)
    if ssm.describe_document(Name=NAME)['Document']['DefaultVersion'] != version:
        ssm.update_document_default_version(Name=NAME, DocumentVersion=version)


def handler(event, context):
    try:
        if event['RequestType'] != 'Delete':
            apply(boto3.client('ssm'), event['ResourceProperties']['Content'])
        cfnresponse.send(event, context, cfnresponse.SUCCESS, {}, NAME)
    except Exception as error:
        cfnresponse.send(event, context, cfnresponse.FAILED, {}, NAME, reason=str(error)[:500])
`;
