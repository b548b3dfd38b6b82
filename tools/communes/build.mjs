// Builds ejb/src/main/resources/reference/communes.tsv.gz, the official list of French communes
// Relais searches and validates places against (fr.relais.directory.control.CommuneIndex).
//
// Source: npm package @etalab/decoupage-administratif, version 6.0.0 (MIT licence; data of the
// French administration: INSEE's Code officiel géographique, La Poste's postal codes, DGCL's
// intercommunalities), https://github.com/etalab/decoupage-administratif. The version is pinned
// in package.json and package-lock.json.
//
// Update: bump the version in package.json, then `npm install && npm run build` here with the
// machine's Node (18+), commit the new resource, and run the ejb module's tests (CommuneIndexTest
// checks entry counts and known communes, so it tells what changed).
//
// Output: UTF-8 text, gzipped, one record per line, tab-separated, first field the record kind:
//   V  source  version                                       (once, first line)
//   R  code  name                                            (regions)
//   D  code  name  region  zone                              (departments; zone metro|drom|com)
//   E  code  name                                            (intercommunalities, EPCI SIREN code)
//   C  insee  type  name  parent  postalCodes  department  region  epci  population  zone
// type: A current commune, D delegated commune, S associated commune, M municipal district
// (Paris, Lyon, Marseille); parent: the current commune a delegated/associated commune belongs
// to, or the city of a district; postalCodes space-separated (delegated and associated communes
// have none in the source: they take their parent's); epci: for delegated/associated communes
// and districts, their parent's; population: municipal population, empty when unknown.
import {readFileSync, writeFileSync} from 'node:fs';
import {gzipSync} from 'node:zlib';
import {createRequire} from 'node:module';

const require = createRequire(import.meta.url);
const pkg = '@etalab/decoupage-administratif';
const version = require(`${pkg}/package.json`).version;
const data = name => require(`${pkg}/data/${name}.json`);
const communes = data('communes');
const epcis = data('epci');
const departements = data('departements');
const regions = data('regions');

const TYPES = {
  'commune-actuelle': 'A',
  'commune-deleguee': 'D',
  'commune-associee': 'S',
  'arrondissement-municipal': 'M',
};
const clean = value => String(value ?? '').replace(/[\t\r\n]+/g, ' ').trim();

const epciOf = new Map();
for (const epci of epcis) {
  for (const member of epci.membres) {
    epciOf.set(member.code, epci.code);
  }
}

const lines = [['V', pkg, version]];
for (const r of regions) {
  lines.push(['R', r.code, r.nom]);
}
for (const d of departements) {
  lines.push(['D', d.code, d.nom, d.region, d.zone]);
}
for (const e of epcis) {
  lines.push(['E', e.code, e.nom]);
}
for (const c of communes) {
  const type = TYPES[c.type];
  if (!type) {
    throw new Error(`Unknown type ${c.type} for ${c.code}`);
  }
  const parent = type === 'M' ? c.commune : (type === 'A' ? '' : c.chefLieu);
  lines.push([
    'C',
    c.code,
    type,
    c.nom,
    parent ?? '',
    (c.codesPostaux ?? []).join(' '),
    c.departement,
    c.region,
    epciOf.get(type === 'A' ? c.code : parent) ?? '',
    c.population ?? '',
    c.zone,
  ]);
}

const text = lines.map(fields => fields.map(clean).join('\t')).join('\n') + '\n';
const target = new URL('../../ejb/src/main/resources/reference/communes.tsv.gz', import.meta.url);
// mtime 0 in the gzip header: the same input always gives the same bytes
writeFileSync(target, gzipSync(Buffer.from(text, 'utf8'), {level: 9}));
console.log(`${communes.length} communes from ${pkg} ${version}, ${text.length} characters -> ${target.pathname}`);
