import { anonymousPrincipal, runSimulation } from '@cloud-copilot/iam-simulate';
import { NamedPolicy } from './policies';
import { CONTRACT_ENV } from './resolver';
import { isServicePrincipal, undocumentedRequest } from './service-requests';

export { anonymousPrincipal };

type Json = any;

/** What IAM decides: allowed, refused by an explicit Deny, or refused because nothing allows it. */
export type Decision = 'Allowed' | 'ExplicitlyDenied' | 'ImplicitlyDenied';

/** 'Denied' accepts either kind of refusal; the other values must match exactly. */
export type Expectation = 'Allowed' | 'Denied' | 'ExplicitlyDenied' | 'ImplicitlyDenied';

/** One request and what the synthesized policies must decide about it. */
export interface ContractRow {
  /** One line: who does what, and why the answer is right. */
  readonly reason: string;
  readonly expected: Expectation;
  /** An IAM ARN (role, assumed-role session, account root), a service principal, or `anonymousPrincipal`. */
  readonly principal: string | typeof anonymousPrincipal;
  readonly action: string;
  readonly resource: string;
  /** The account that owns the resource. @default the contract account */
  readonly resourceAccount?: string;
  /** Request context. Booleans as the strings 'true'/'false', multi-valued keys as arrays. */
  readonly context?: Record<string, string | string[]>;
  /** The principal's identity policies. @default none (a service principal, or a principal without grants) */
  readonly identityPolicies?: NamedPolicy[];
  readonly resourcePolicy?: Json;
  /**
   * A VPC endpoint's policy the request passes through: a gate that must allow it as well (it grants nothing by
   * itself), as a service control policy is; so it is evaluated as one, without its `Principal: *`.
   */
  readonly endpointPolicy?: Json;
}

export function meets(decision: Decision, expected: Expectation): boolean {
  return expected === 'Denied' ? decision !== 'Allowed' : decision === expected;
}

/**
 * iam-simulate 0.1.173 drops, as unknown, request context keys whose variable part is not written after a slash
 * (it understands `aws:RequestTag/<key>`): KMS encryption-context keys (`kms:EncryptionContext:aws:logs:arn`) and an
 * OIDC provider's claims (`oidc.eks.<region>.amazonaws.com/id/<id>:sub`). Every condition on them would then fail.
 * Until it handles them, such keys are carried, in the policies and in the request alike, under a slash-form stand-in
 * it does accept; condition operators and values are untouched.
 */
const STAND_INS: Array<[RegExp, string]> = [
  [/^kms:EncryptionContext:(.+)$/i, 'aws:RequestTag/kms:EncryptionContext:'],
  [/^(oidc\.eks\.[a-z0-9-]+\.amazonaws\.com\/id\/[A-Za-z0-9]+:(?:sub|aud))$/, 'aws:RequestTag/oidc:'],
];

export function withContextKeyStandIns(value: Json): Json {
  if (Array.isArray(value)) return value.map(withContextKeyStandIns);
  if (value === null || typeof value !== 'object') return value;
  const out: Json = {};
  for (const [key, inner] of Object.entries(value)) {
    const standIn = STAND_INS.map(([pattern, prefix]) => [pattern.exec(key), prefix] as const).find(([match]) => match);
    out[standIn ? `${standIn[1]}${standIn[0]![1]}` : key] = withContextKeyStandIns(inner);
  }
  return out;
}

/**
 * What AWS puts in every signed request's context and the simulator does not derive yet: the principal's account and
 * ARN (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalaccount).
 */
function principalContext(principal: ContractRow['principal']): Record<string, string> {
  if (typeof principal !== 'string') return {};
  const session = /^arn:aws:sts::(\d{12}):assumed-role\/([^/]+)\//.exec(principal);
  if (session) return { 'aws:PrincipalAccount': session[1], 'aws:PrincipalArn': `arn:aws:iam::${session[1]}:role/${session[2]}` };
  const iamPrincipal = /^arn:aws:iam::(\d{12}):/.exec(principal);
  return iamPrincipal ? { 'aws:PrincipalAccount': iamPrincipal[1], 'aws:PrincipalArn': principal } : {};
}

function withoutPrincipals(policy: Json): Json {
  return { ...policy, Statement: [policy.Statement].flat().map(({ Principal: _principal, ...statement }: Json) => statement) };
}

/**
 * Evaluates one row with @cloud-copilot/iam-simulate; a request the simulator finds malformed is an error, and so is a
 * request of an AWS service that the service-request catalogue does not document (its action, or a key of its context):
 * a contract that simulates what AWS does not send proves nothing about what AWS does.
 */
export async function decide(row: ContractRow): Promise<Decision> {
  if (isServicePrincipal(row.principal)) {
    const problem = undocumentedRequest(row.principal, row.action, row.context ?? {}, row.expected !== 'Allowed');
    if (problem !== undefined) {
      throw new Error(`"${row.reason}": ${problem}`);
    }
  }
  const response = await runSimulation(
    {
      request: {
        principal: row.principal,
        action: row.action,
        resource: { resource: row.resource, accountId: row.resourceAccount ?? CONTRACT_ENV.account },
        contextVariables: withContextKeyStandIns({ ...principalContext(row.principal), ...row.context }),
      },
      identityPolicies: (row.identityPolicies ?? []).map((p) => ({ name: p.name, policy: withContextKeyStandIns(p.policy) })),
      serviceControlPolicies: row.endpointPolicy === undefined ? [] : [{
        orgIdentifier: 'vpc-endpoint',
        policies: [{ name: 'endpoint-policy', policy: withContextKeyStandIns(withoutPrincipals(row.endpointPolicy)) }],
      }],
      resourceControlPolicies: [],
      resourcePolicy: withContextKeyStandIns(row.resourcePolicy),
    },
    {},
  );
  if (response.resultType === 'error') {
    throw new Error(`the simulator refused the request "${row.reason}": ${JSON.stringify(response.errors)}`);
  }
  return response.overallResult as Decision;
}

/**
 * Evaluates a table in one test, which names every row IAM decides otherwise (its expectation, the decision, its
 * reason). One test per table, not per row: the rows, and the synthesis they read, are built inside the test, so that
 * StrykerJS's per-test coverage sees which tests run which code. Built at load time (in a `describe` body), every
 * mutant of the synthesis would be "static": run against every test of its group, and, being static, never retested
 * by an incremental run when a new test would kill it.
 */
export function contractTable(rows: () => ContractRow[]): void {
  test('each request is decided as its row expects', async () => {
    const table = rows();
    expect(table.length).toBeGreaterThan(0);
    const decisions = await Promise.all(table.map(async (row) => ({ row, decision: await decide(row) })));
    const wrong = decisions
      .filter(({ row, decision }) => !meets(decision, row.expected))
      .map(({ row, decision }) => `expected ${row.expected}, decided ${decision}: ${row.reason}`);
    expect(wrong).toEqual([]);
  });
}

/** An identity policy that allows everything: an administrator, whose access only a resource policy can narrow. */
export const ADMIN_POLICY: NamedPolicy = {
  name: 'administrator',
  policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
};

export const OTHER_ACCOUNT = '222222222222';
