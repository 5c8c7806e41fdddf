# Generates flowstate-api's TestState mock schemas: the output shapes of the AWS operations a Task state can
# call, read from botocore's service models (Apache-2.0, AWS's API models), reduced to what the validation of
# a mocked result needs (type, members, required, min/max, enum). Run from the repo root with boto3
# installed; the generated files are committed, the build does not run this.
#   python3 tools/gen_mock_schemas.py
import gzip, json, os, botocore

SERVICES = ['athena', 'batch', 'codebuild', 'dynamodb', 'ecs', 'eks', 'emr', 'events', 'glue', 'kms', 'lambda',
            's3', 'secretsmanager', 'sns', 'sqs', 'ssm', 'stepfunctions', 'sts']
OUT = 'flowstate-api/src/main/resources/io/flowstate/api/mockschema'
ROOT = os.path.join(os.path.dirname(botocore.__file__), 'data')


def model(service):
    d = os.path.join(ROOT, service)
    version = sorted(os.listdir(d))[-1]
    with gzip.open(os.path.join(d, version, 'service-2.json.gz')) as f:
        return json.load(f)


def reduce(m, name, out):
    s = m['shapes'][name]
    t = s['type']
    r = {'type': t}
    for k in ('min', 'max', 'enum'):
        if k in s:
            r[k] = s[k]
    if s.get('document'):
        r['type'] = 'document'
    elif t == 'structure':
        r['members'] = {k: v['shape'] for k, v in s.get('members', {}).items()}
        if s.get('required'):
            r['required'] = s['required']
    elif t == 'list':
        r['member'] = s['member']['shape']
    elif t == 'map':
        r['value'] = s['value']['shape']
    out[name] = r
    refs = list(r.get('members', {}).values()) + [r[k] for k in ('member', 'value') if k in r]
    for ref in refs:
        if ref not in out:
            reduce(m, ref, out)


def main():
    os.makedirs(OUT, exist_ok=True)
    for service in SERVICES:
        m = model(service)
        operations, shapes = {}, {}
        for name, op in sorted(m['operations'].items()):
            if 'output' in op:
                operations[name] = op['output']['shape']
                if operations[name] not in shapes:
                    reduce(m, operations[name], shapes)
        with open(os.path.join(OUT, service + '.json'), 'w') as f:
            json.dump({'source': 'botocore ' + botocore.__version__ + ' ' + m['metadata']['apiVersion'],
                       'operations': operations, 'shapes': dict(sorted(shapes.items()))}, f, separators=(',', ':'))
            f.write('\n')


main()
