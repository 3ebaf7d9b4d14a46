// StrykerJS ignore-plugins of `npx projen mutation` (scripts/mutation/run.ts). Each ignored mutant is reported as
// "Ignored" with the reason below, in the report and in the per-file summary: nothing is counted away silently.
// A plugin declaration as @stryker-mutator/api's declareValuePlugin(PluginKind.Ignore, ...) writes it (no import of a
// package that is only a dependency of a dependency here).
const ignorePlugin = (name, value) => ({ kind: 'Ignore', name, value });

const calleeName = (path) => {
  const callee = path.node.callee;
  return callee && (callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && callee.property.name);
};

const acceptsFinding = (statement) => statement.type === 'ExpressionStatement'
  && statement.expression.type === 'CallExpression' && statement.expression.callee.type === 'Identifier'
  && statement.expression.callee.name === 'acceptFinding';
const onlyAcceptsFindings = (statement) => (statement.type === 'BlockStatement'
  ? statement.body.length > 0 && statement.body.every(acceptsFinding)
  : acceptsFinding(statement));

/**
 * Accepted compliance findings: `acceptFinding(scope, ruleIds, reason)`. Which findings are accepted changes what
 * the cdk-nag packs report, so test/compliance/nag.test.ts (four packs over every configuration of the matrix) is what
 * judges the rule IDs; the area groups do not run it (it takes about a minute per surviving mutant). The reasons are
 * prose a security reviewer reads: no behaviour depends on their wording.
 */
const AcceptedFindings = {
  shouldIgnore(path) {
    if (path.isIfStatement() && !path.node.alternate && onlyAcceptsFindings(path.node.consequent)) {
      return 'the condition under which a compliance finding is accepted: judged by the cdk-nag packs (test/compliance/nag.test.ts)';
    }
    if (path.isForOfStatement() && onlyAcceptsFindings(path.node.body)) {
      return 'the constructs on which a compliance finding is accepted: judged by the cdk-nag packs (test/compliance/nag.test.ts)';
    }
    if (path.isCallExpression() && calleeName(path) === 'acceptFinding') {
      return 'accepted compliance finding: its rule IDs are judged by the cdk-nag packs (test/compliance/nag.test.ts), its reason is prose for the reviewer';
    }
    if (path.isVariableDeclarator() && path.node.id.type === 'Identifier' && /_REASON$/.test(path.node.id.name)) {
      return 'the reason of an accepted compliance finding: prose for the reviewer, no behaviour depends on its wording';
    }
    return undefined;
  },
};

/** Whether a path is a later part of a `source: 'a' + 'b'` concatenation (a price's citation, src/cost/prices-*.ts). */
const continuesPriceSource = (path) => {
  const parent = path.parentPath;
  return parent && parent.isBinaryExpression({ operator: '+' }) && parent.node.right === path.node
    && parent.findParent((p) => p.isObjectProperty() && p.node.key.type === 'Identifier' && p.node.key.name === 'source') !== null;
};

/**
 * The continuation lines of a price's source: where a figure was read, written for the person who checks it. The first
 * part (which names the Price List row or the pricing page) is judged by test/cost/price-tables.test.ts; no figure, line
 * or total depends on the wording after it.
 */
const PriceSources = {
  shouldIgnore(path) {
    if (path.isStringLiteral() && path.getFunctionParent() === null && continuesPriceSource(path)) {
      return 'the rest of a price\'s source citation: prose for the reader who checks the figure; its first part is judged by price-tables.test.ts';
    }
    return undefined;
  },
};

/** Whether a path is (a `+` part of) the value of an object property named `name`. */
const inValueOf = (path, name) => {
  let part = path;
  while (part.parentPath && part.parentPath.isBinaryExpression({ operator: '+' })) {
    part = part.parentPath;
  }
  const property = part.parentPath;
  return property !== null && property.isObjectProperty() && property.node.value === part.node
    && property.node.key.type === 'Identifier' && property.node.key.name === name;
};

/**
 * The sentences of an alarm's description that state no value: advice and links for the person the alarm wakes. What
 * the description says of this alarm (what it watches, its threshold, the control it answers) is written in template
 * literals, which stay mutated and are judged by the monitoring tests.
 */
const AlarmDescriptionProse = {
  shouldIgnore(path) {
    if (path.isStringLiteral() && inValueOf(path, 'alarmDescription')) {
      return 'a sentence of an alarm description that states no value (advice, a link): prose for the on-call reader; '
        + 'the parts naming the watched resource and the threshold are template literals, judged by the monitoring tests';
    }
    return undefined;
  },
};

exports.strykerPlugins = [
  ignorePlugin('AcceptedFindings', AcceptedFindings),
  ignorePlugin('PriceSources', PriceSources),
  ignorePlugin('AlarmDescriptionProse', AlarmDescriptionProse),
];
