import { SERVICE_REQUEST_CATALOGUE } from './service-request-catalogue';

/** Where AWS says something: the page, and the sentence (or the example statement) that says it, verbatim. */
export interface Citation {
  readonly url: string;
  readonly says: string;
}

/**
 * A request an AWS service makes against a policy of the baseline, as AWS documents it: who asks, for what, and which
 * condition keys the request context carries. A condition on any other key is a condition the request cannot meet.
 */
export interface ServiceRequest {
  /** One line: who asks for what, and when. */
  readonly name: string;
  /** The service principal, as a policy names it; `<region>` where the principal is regional. */
  readonly principal: string;
  /** The actions IAM evaluates for the request (concrete API actions, never patterns). */
  readonly actions: string[];
  /** Where AWS documents the request itself. */
  readonly source: Citation;
  /** The condition keys AWS documents as present in the request's context, each with the page that says so. */
  readonly keys: Readonly<Record<string, Citation>>;
  /**
   * Keys a policy might expect that AWS documents as absent, or that no AWS document says are present: no policy
   * may require them. 'undocumented' where no page says either way.
   */
  readonly notSent?: Readonly<Record<string, Citation | 'undocumented'>>;
  /** What the documentation leaves open, which only a request in a real account can settle. */
  readonly realAccountOnly?: string;
}

/**
 * Keys the IAM User Guide says are in every request's context, whoever makes it
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html).
 */
export const ALWAYS_PRESENT: Readonly<Record<string, Citation>> = {
  'aws:SecureTransport': {
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-securetransport',
    says: 'Availability – This key is always included in the request context.',
  },
};

/** Every catalogued request. */
export function serviceRequests(): ServiceRequest[] {
  return Object.values(SERVICE_REQUEST_CATALOGUE);
}

/** A principal with its region written as `<region>`, the catalogue's form. */
export function catalogueForm(principal: string): string {
  return principal.replace(/^([a-z0-9-]+)\.[a-z]{2}(-[a-z]+)+-\d+\.amazonaws\.com$/, '$1.<region>.amazonaws.com');
}

/** Whether an action pattern of a policy (`kms:GenerateDataKey*`) covers an action (case-insensitive, as IAM reads it). */
export function actionMatches(pattern: string, action: string): boolean {
  const expression = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${expression}$`, 'i').test(action);
}

/** The catalogued requests of a service principal whose actions a policy's action pattern covers. */
export function requestsMatching(principal: string, actionPattern: string): ServiceRequest[] {
  const form = catalogueForm(principal);
  return serviceRequests().filter((r) => r.principal === form && r.actions.some((a) => actionMatches(actionPattern, a)));
}

/** Whether a condition key is one the request carries (IAM reads key names case-insensitively). */
export function carries(request: ServiceRequest, key: string): boolean {
  const known = [...Object.keys(request.keys), ...Object.keys(ALWAYS_PRESENT)].map((k) => k.toLowerCase());
  return known.includes(key.toLowerCase());
}

/** Whether a principal of a contract row is an AWS service (`cloudtrail.amazonaws.com`, `logs.eu-west-1.amazonaws.com`). */
export function isServicePrincipal(principal: unknown): principal is string {
  return typeof principal === 'string' && /^[a-z0-9.-]+\.amazonaws\.com$/.test(principal);
}

/**
 * Why a simulated request of a service is not one AWS documents (a service or action the catalogue lacks, or a
 * context key the request does not carry), or undefined when it is. Contracts only evaluate documented requests; a
 * row that shows a service refused something it is never documented to do (EventBridge publishing to the alarm
 * topic, CloudTrail reading its log files back) may do so with no context keys at all.
 */
export function undocumentedRequest(principal: string, action: string, context: Record<string, unknown>, refusal: boolean): string | undefined {
  const requests = serviceRequests()
    .filter((r) => r.principal === catalogueForm(principal) && r.actions.some((a) => a.toLowerCase() === action.toLowerCase()));
  if (requests.length === 0) {
    // A request no AWS document says the service makes may only be shown refused, carrying nothing a policy could key on.
    const keyed = Object.keys(context).filter((key) => !(key in ALWAYS_PRESENT));
    return refusal && keyed.length === 0 ? undefined
      : `${principal} ${action} is not in the service-request catalogue (test/contracts/service-request-catalogue.ts)` +
        (refusal ? `; a refusal of an undocumented request may carry no keys (got ${keyed.join(', ')})` : '');
  }
  const extra = Object.keys(context).filter((key) => !requests.some((r) => carries(r, key)));
  return extra.length === 0 ? undefined
    : `${principal} ${action}: no AWS document says the request carries ${extra.join(', ')} (catalogued: ${requests.map((r) => r.name).join('; ')})`;
}

/**
 * A request context for a catalogued request, refusing any key the request does not carry: what contract rows build
 * their service requests with.
 */
export function contextOf(request: ServiceRequest, values: Record<string, string | string[]>): Record<string, string | string[]> {
  const extra = Object.keys(values).filter((key) => !carries(request, key));
  if (extra.length > 0) {
    throw new Error(`${request.name}: AWS does not document ${extra.join(', ')} in this request's context`);
  }
  return values;
}

type Json = any;

/** A statement of a policy that names an AWS service as its principal, where it was found. */
interface ServiceStatement {
  readonly where: string;
  readonly principal: string;
  readonly actions: string[];
  readonly conditionKeys: string[];
}

/** A service principal as the catalogue writes it: `logs.<region>.amazonaws.com` for `Fn::Join [logs., AWS::Region, ...]`. */
function principalName(value: Json): string {
  if (typeof value === 'string') return catalogueForm(value);
  if (value?.Ref === 'AWS::Region') return '<region>';
  if (value?.Ref === 'AWS::URLSuffix') return 'amazonaws.com';
  if (Array.isArray(value?.['Fn::Join'])) return (value['Fn::Join'][1] as Json[]).map(principalName).join(value['Fn::Join'][0]);
  throw new Error(`a service principal the walk cannot read: ${JSON.stringify(value)}`);
}

/** A statement, or the statement a StackSet wraps in `Fn::If` (the other branch is AWS::NoValue). */
function unwrap(statement: Json): Json {
  const branches = statement?.['Fn::If'];
  return Array.isArray(branches) ? unwrap(branches[1]) : statement;
}

/** Every policy statement anywhere in a template (roles, policies, keys, buckets, topics, file systems, endpoints). */
export function serviceStatements(name: string, template: Json): ServiceStatement[] {
  const found: ServiceStatement[] = [];
  const visit = (value: Json, where: string): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => visit(v, `${where}[${i}]`));
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value.Statement)) {
      value.Statement.map(unwrap).forEach((statement: Json, i: number) => {
        const services = statement?.Principal?.Service;
        if (services === undefined) return;
        for (const service of [services].flat()) {
          found.push({
            where: `${where}.Statement[${i}]`,
            principal: principalName(service),
            actions: [statement.Action].flat(),
            conditionKeys: Object.values<Json>(statement.Condition ?? {}).flatMap((operator) => Object.keys(operator)),
          });
        }
      });
      return;
    }
    Object.entries(value).forEach(([key, inner]) => visit(inner, `${where}.${key}`));
  };
  visit(template.Resources ?? {}, name);
  return found;
}

/**
 * What a statement asks of AWS that AWS does not document: an action of the service the catalogue does not list, or a
 * condition key one of the requests it covers does not carry.
 */
export function undocumentedConditions(statement: ServiceStatement): string[] {
  return statement.actions.flatMap((action) => {
    const requests = requestsMatching(statement.principal, action);
    if (requests.length === 0) {
      return [`${statement.where}: ${statement.principal} ${action} is not in the service-request catalogue`];
    }
    return requests.flatMap((request) => statement.conditionKeys
      .filter((key) => !carries(request, key))
      .map((key) => `${statement.where}: ${statement.principal} ${action} requires ${key}, which "${request.name}" does not carry (${request.source.url})`));
  });
}

