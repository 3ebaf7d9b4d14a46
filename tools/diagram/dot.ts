/**
 * An architecture model as a Graphviz graph: each VPC as one HTML-like table (zones as columns, tiers as rows, what
 * each subnet holds in its cell), the regional services below in groups, arrows between them.
 */
import { ArchitectureModel, ServiceNode, Tier, VpcModel } from './model';

/** Graphviz measures text with its Helvetica metrics; the SVG names Helvetica first, then Arial and sans-serif. */
const FONT = 'Helvetica';
const FONT_SIZE = 13;
const SMALL_SIZE = 11;
const TITLE_SIZE = 16;
/** Lines longer than this many characters wrap: keeps boxes and cells narrow. */
const WRAP_BOX = 30;
const WRAP_CELL = 24;

/** Fill colours by subnet type, the usual ones of AWS diagrams (public green, private blue, isolated amber). */
const TIER_FILL: { [type: string]: string } = { Public: '#e6f4ea', Private: '#e3effb', Isolated: '#fdf0dc' };
const TIER_FILL_OTHER = '#eeeeee';
const HEADER_FILL = '#f4f4f4';
const VPC_FILL = '#ffffff';
const GROUP_COLOUR = '#9aa0a6';
const NODE_FILL = '#fafafa';
/** Zone columns at least this wide (points), so that the VPC spans the width the services below take. */
const ZONE_COLUMN_WIDTH = 160;

/**
 * The services sit in three columns under the VPC, so that the picture stays about as wide as a README (~900 px):
 * the keys; the audit trail; storage, logs and sharing (other groups join these). The alarms are chained after the keys:
 * chained under the audit trail, they made Graphviz widen the production picture to 1063 px, while chained after the
 * keys it still draws them under the trail, within 900 px. Systems Manager's log groups (the bastion's sessions and
 * patching) are chained after the alarms: in the logs column they made it 1175 px, in the audit column 1132 px; after
 * the alarms Graphviz draws them under the alarms, at 889 px. Graphviz orders the columns left to right as it sees fit
 * (deterministically).
 */
const COLUMN_OF_GROUP: { [group: string]: number } = {
  'Encryption': 0, 'Audit': 1, 'Alarms': 0, 'Systems Manager': 0, 'Storage': 2, 'Logs': 2, 'Sharing': 2,
};
const DEFAULT_COLUMN = 2;

/** Text for an HTML-like label: Graphviz's own entities. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Words of a line, broken into lines of at most `max` characters (a longer word stays whole). */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && `${line} ${word}`.length > max) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  return line ? [...lines, line] : lines;
}

/** A DOT identifier from a logical ID (always quoted, so any character is safe). */
function id(name: string): string {
  return `"${name.replace(/["\\]/g, '_')}"`;
}

function tierRow(tier: Tier): string {
  const fill = TIER_FILL[tier.type] ?? TIER_FILL_OTHER;
  const acl = tier.networkAcls.length > 0 ? `<BR/><FONT POINT-SIZE="${SMALL_SIZE}">NACL ${escapeHtml(tier.networkAcls.join(', '))}</FONT>` : '';
  // The subnet type under the tier's name when the name does not say it (a "Database" tier is "isolated").
  const type = tier.type && tier.type !== tier.name ? `<BR/><FONT POINT-SIZE="${SMALL_SIZE}">${escapeHtml(tier.type.toLowerCase())}</FONT>` : '';
  const head = `<TD BGCOLOR="${fill}" ALIGN="LEFT" VALIGN="TOP" BALIGN="LEFT"><B>${escapeHtml(tier.name)}</B>${type}${acl}</TD>`;
  const cells = tier.cells.map((cell) => {
    if (!cell) return `<TD BGCOLOR="${fill}"> </TD>`;
    const contents = cell.contents.flatMap((line) => wrap(line, WRAP_CELL)).map((line) => `<BR/>${escapeHtml(line)}`).join('');
    return `<TD BGCOLOR="${fill}" ALIGN="LEFT" VALIGN="TOP" BALIGN="LEFT"><B>${escapeHtml(cell.cidr)}</B>${contents}</TD>`;
  });
  return `<TR>${head}${cells.join('')}</TR>`;
}

function vpcTable(vpc: VpcModel): string {
  const columns = vpc.zones.length + 1;
  const extras = [
    vpc.internetGateway ? 'Internet gateway' : 'no internet gateway',
    ...vpc.flowLogs,
  ];
  const zoneHeads = vpc.zones.map((z) => `<TD BGCOLOR="${HEADER_FILL}" WIDTH="${ZONE_COLUMN_WIDTH}"><B>${escapeHtml(z)}</B></TD>`);
  const rows = [
    `<TR><TD COLSPAN="${columns}" BGCOLOR="${VPC_FILL}" ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="${TITLE_SIZE}"><B>VPC `
      + `${escapeHtml(vpc.cidr)}</B></FONT><BR/>${escapeHtml(extras.join(' · '))}</TD></TR>`,
    `<TR><TD BGCOLOR="${HEADER_FILL}"> </TD>${zoneHeads.join('')}</TR>`,
    // A regional NAT gateway serves every zone: a band across them, above the subnets.
    ...vpc.regionalNat.map((line) => `<TR><TD COLSPAN="${columns}" BGCOLOR="${TIER_FILL.Public}">${escapeHtml(line)}</TD></TR>`),
    ...vpc.tiers.map(tierRow),
  ];
  const endpoints = [
    vpc.gatewayEndpoints.length > 0 ? `Gateway endpoints: ${vpc.gatewayEndpoints.join(', ')}` : '',
    vpc.interfaceEndpoints.length > 0 ? `Interface endpoints: ${vpc.interfaceEndpoints.join(', ')}` : '',
  ].filter(Boolean);
  if (endpoints.length > 0) {
    rows.push(`<TR><TD COLSPAN="${columns}" BGCOLOR="${HEADER_FILL}" ALIGN="LEFT">${escapeHtml(endpoints.join('   ·   '))}</TD></TR>`);
  }
  const table = `<TABLE BORDER="1" CELLBORDER="1" CELLSPACING="0" CELLPADDING="7" COLOR="#5f6368">${rows.join('')}</TABLE>`;
  // ordering=out keeps the service columns hung below the VPC in the order they are declared.
  return `  ${id(vpc.logicalId)} [shape=plain, ordering=out, label=<${table}>];`;
}

function serviceNode(node: ServiceNode): string {
  const lines = node.lines.flatMap((l) => wrap(l, WRAP_BOX)).map((l) => `<BR/><FONT POINT-SIZE="${SMALL_SIZE}">${escapeHtml(l)}</FONT>`);
  return `    ${id(node.id)} [label=<<B>${escapeHtml(node.title)}</B>${lines.join('')}>];`;
}

/** The DOT text of a model: deterministic (the model is sorted, nothing here depends on time or order of maps). */
export function dotOf(model: ArchitectureModel): string {
  const lines = [
    'digraph architecture {',
    `  graph [fontname="${FONT}", fontsize=${TITLE_SIZE}, labelloc=t, label=<<B>${escapeHtml(model.title)}</B>>, `
      + 'rankdir=TB, nodesep=0.25, ranksep=0.45, pad=0.2, newrank=true];',
    `  node [fontname="${FONT}", fontsize=${FONT_SIZE}, shape=box, style="rounded,filled", fillcolor="${NODE_FILL}", `
      + 'color="#5f6368", margin="0.12,0.06"];',
    `  edge [fontname="${FONT}", fontsize=${SMALL_SIZE}, color="#5f6368", fontcolor="#3c4043", arrowsize=0.7];`,
    ...model.vpcs.map(vpcTable),
  ];
  model.groups.forEach((group, i) => {
    lines.push(`  subgraph "cluster_${i}" {`, `    label=<<B>${escapeHtml(group.name)}</B>>; color="${GROUP_COLOUR}"; style=dashed; fontsize=${FONT_SIZE};`);
    lines.push(...group.nodes.map(serviceNode), '  }');
  });
  lines.push(...columnLayout(model));
  for (const edge of model.edges) {
    lines.push(`  ${id(edge.from)} -> ${id(edge.to)} [label="${edge.label.replace(/"/g, '')}"];`);
  }
  lines.push('}');
  return lines.join('\n');
}

/**
 * Invisible edges that stack each column's boxes under one another and hang the columns, left to right, below the
 * first VPC. Boxes of a group with real arrows between them keep the arrows' layout.
 */
function columnLayout(model: ArchitectureModel): string[] {
  const columns: string[][] = [[], [], []];
  const lines: string[] = [];
  for (const group of model.groups) {
    // Boxes with an arrow to or from another box of the same group: the arrows place them.
    const members = new Set(group.nodes.map((n) => n.id));
    const linked = new Set(model.edges.filter((e) => members.has(e.from) && members.has(e.to)).flatMap((e) => [e.from, e.to]));
    const column = columns[COLUMN_OF_GROUP[group.name] ?? DEFAULT_COLUMN];
    const previous = column[column.length - 1];
    if (previous) lines.push(`  ${id(previous)} -> ${id(group.nodes[0].id)} [style=invis];`);
    const chained = group.nodes.filter((n) => !linked.has(n.id) || n === group.nodes[0]);
    chained.forEach((node, i) => {
      if (i > 0) lines.push(`  ${id(chained[i - 1].id)} -> ${id(node.id)} [style=invis];`);
    });
    const last = group.nodes.filter((n) => !linked.has(n.id)).pop()?.id ?? lastOfChain(group.nodes.map((n) => n.id), model);
    column.push(...group.nodes.map((n) => n.id).filter((n) => n !== last), last);
  }
  const tops = columns.filter((c) => c.length > 0).map((c) => c[0]);
  const anchor = model.vpcs[0]?.logicalId;
  if (anchor) lines.push(...tops.map((top) => `  ${id(anchor)} -> ${id(top)} [style=invis];`));
  if (tops.length > 1) {
    lines.push(`  { rank=same; ${tops.map(id).join('; ')}; }`);
    lines.push(`  ${tops.map(id).join(' -> ')} [style=invis];`);
  }
  return lines;
}

/** The box at the end of the longest arrow chain within a group (the one the next group should hang under). */
function lastOfChain(ids: string[], model: ArchitectureModel): string {
  const inGroup = new Set(ids);
  const depth = new Map<string, number>(ids.map((n) => [n, 0]));
  for (let round = 0; round < ids.length; round++) {
    for (const edge of model.edges.filter((e) => inGroup.has(e.from) && inGroup.has(e.to))) {
      depth.set(edge.to, Math.max(depth.get(edge.to)!, depth.get(edge.from)! + 1));
    }
  }
  return ids.reduce((best, n) => (depth.get(n)! > depth.get(best)! ? n : best), ids[0]);
}
