/**
 * What the round trip's modules share: where things are (temporary directory, caches, output), the Go module, the
 * versions published by this run and what has to forget them, the registries once started and the version ranges.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { M2 } from '../../lib/consumers';
import { cacheDir, capture, readJson, ROOT } from '../../lib/env';
import { Server } from '../../lib/server';

export const PACKAGE_NAME = '@numinia/cdk-baseline';
const PKG = readJson(path.join(ROOT, 'package.json'));
export const GO_PACKAGE: string = PKG.jsii.targets.go.packageName;
export const GO_MODULE = `${PKG.jsii.targets.go.moduleName}/${GO_PACKAGE}`;
/** The repository's own Python tools (.venv: pypiserver, twine). */
export const VENV_BIN = path.join(ROOT, '.venv', 'bin');

export interface Registries {
  readonly npmUrl: string;
  readonly pypiUrl: string;
  readonly mavenUrl: string;
  readonly goproxyDir: string;
  /** scripts/release/goproxy, built into the temporary directory. */
  readonly goproxy: string;
  readonly verdaccio: Server;
  readonly pypiserver: Server;
}

/** The ranges consumers install release A by (A=0.1.0: ^0.1.0, ~=0.1, [0.1,0.2), v0.1). */
export interface Ranges {
  readonly npm: string;
  readonly pip: string;
  readonly maven: string;
  readonly go: string;
}

export class Context {
  readonly out = path.join(ROOT, 'dist', 'round-trip');
  /** The TypeScript consumers' node_modules, reused between runs (ROUND_TRIP_WORK). */
  readonly cache = process.env.ROUND_TRIP_WORK || cacheDir('numinia-round-trip');
  readonly goModcache = capture('go', ['env', 'GOMODCACHE']);
  readonly goUpstream = capture('go', ['env', 'GOPROXY']);
  /** Versions published here: removed from the Maven and Go caches before the consumers run and at exit. */
  readonly published: string[] = [];
  /** The aws-cdk-lib version each consumer ran with at the current version, by consumer name. */
  readonly cdk = new Map<string, string>();
  registries?: Registries;
  ranges?: Ranges;

  /** @param tmp the temporary directory: clones a and b, registry storage, the Java and Go consumers */
  constructor(readonly tmp: string) {}

  /** The registries; throws when they did not start (the steps that use them need the `registries` step). */
  get reg(): Registries {
    if (!this.registries) throw new Error('the registries are not running');
    return this.registries;
  }

  get range(): Ranges {
    if (!this.ranges) throw new Error('no version ranges: release A or B is missing');
    return this.ranges;
  }

  /**
   * Removes the published versions from the Maven and Go caches (jsii-pacmak installs what it builds into the local
   * Maven repository, where a range would find it without asking the registry), and the metadata cached for them.
   */
  forgetPublished(): void {
    const maven = path.join(M2, 'io/numinia/cdk-baseline');
    const download = path.join(this.goModcache, 'cache/download', GO_MODULE, '@v');
    for (const v of this.published) {
      fs.rmSync(path.join(maven, v), { recursive: true, force: true });
      const module = path.join(this.goModcache, `${GO_MODULE}@v${v}`);
      if (fs.existsSync(module)) {
        spawnSync('chmod', ['-R', 'u+w', module]);
        fs.rmSync(module, { recursive: true, force: true });
      }
      for (const f of fs.existsSync(download) ? fs.readdirSync(download) : []) {
        if (f.startsWith(`v${v}.`)) fs.rmSync(path.join(download, f), { force: true });
      }
    }
    fs.rmSync(path.join(download, 'list'), { force: true });
    for (const f of fs.existsSync(maven) ? fs.readdirSync(maven) : []) {
      if (f.startsWith('maven-metadata-numinia-') || f === 'maven-metadata-local.xml') fs.rmSync(path.join(maven, f), { force: true });
    }
  }
}
