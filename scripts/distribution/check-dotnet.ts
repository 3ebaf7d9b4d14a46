/**
 * .NET, generation only (there is no .NET SDK here, so nothing is compiled, packed or run): check that
 * `jsii-pacmak --code-only --target dotnet` wrote a C# file for every type of the assembly, that the construct has
 * its (scope, id, props) constructor, and that the project file names the NuGet package id and the aws-cdk-lib
 * (Amazon.CDK.Lib) dependency.
 *
 * For each jsii class and enum: <Namespace path>/<Name>.cs declaring `class <Name>` / `enum <Name>`; for each struct
 * (props): also I<Name>.cs declaring `interface I<Name>`.
 *
 * Usage: ts-node scripts/distribution/check-dotnet.ts <.jsii> <generated dotnet dir>
 */
import * as fs from 'fs';
import * as path from 'path';

interface JsiiType {
  readonly kind: 'class' | 'interface' | 'enum';
  readonly name: string;
  readonly datatype?: boolean;
}

interface Assembly {
  readonly types: Record<string, JsiiType>;
  readonly targets: { dotnet: { namespace: string; packageId: string } };
}

function main(): number {
  const [assemblyFile, outDir] = process.argv.slice(2);
  if (!assemblyFile || !outDir) {
    console.error('usage: check-dotnet.ts <.jsii> <generated dotnet dir>');
    return 2;
  }
  const assembly = JSON.parse(fs.readFileSync(assemblyFile, 'utf-8')) as Assembly;
  const { namespace, packageId } = assembly.targets.dotnet;
  const projectDir = path.join(outDir, packageId);
  const sourceDir = path.join(projectDir, ...namespace.split('.'));
  const problems: string[] = [];

  const expectFile = (file: string, declaration: RegExp): void => {
    const full = path.join(sourceDir, file);
    if (!fs.existsSync(full)) problems.push(`${path.relative(outDir, full)} missing`);
    else if (!declaration.test(fs.readFileSync(full, 'utf-8'))) problems.push(`${file} does not declare ${declaration}`);
  };

  let files = 0;
  for (const type of Object.values(assembly.types)) {
    if (type.kind === 'class') {
      expectFile(`${type.name}.cs`, new RegExp(`public (abstract |sealed )?class ${type.name}\\b`));
      files += 1;
    } else if (type.kind === 'enum') {
      expectFile(`${type.name}.cs`, new RegExp(`public enum ${type.name}\\b`));
      files += 1;
    } else if (type.datatype) {
      expectFile(`${type.name}.cs`, new RegExp(`public class ${type.name}\\s*:\\s*${namespace.replace(/\./g, '\\.')}\\.I${type.name}\\b`));
      expectFile(`I${type.name}.cs`, new RegExp(`public interface I${type.name}\\b`));
      files += 2;
    } else {
      expectFile(`${type.name}.cs`, new RegExp(`public interface ${type.name}\\b`));
      files += 1;
    }
  }
  expectFile('NuminiaBaseline.cs',
    /public NuminiaBaseline\(Constructs\.Construct scope, string id, Numinia\.CdkBaseline\.INuminiaBaselineProps props\)/);

  const csproj = path.join(projectDir, `${packageId}.csproj`);
  if (!fs.existsSync(csproj)) {
    problems.push(`${path.relative(outDir, csproj)} missing`);
  } else {
    const project = fs.readFileSync(csproj, 'utf-8');
    if (!project.includes(`<PackageId>${packageId}</PackageId>`)) problems.push(`${packageId}.csproj: no PackageId ${packageId}`);
    if (!/<PackageReference Include="Amazon.CDK.Lib"/.test(project)) problems.push(`${packageId}.csproj: no Amazon.CDK.Lib reference`);
  }

  const generated = fs.readdirSync(sourceDir).filter((f) => f.endsWith('.cs')).length;
  console.log(`.NET (generated only, not compiled: no .NET SDK here): ${packageId}, namespace ${namespace}: `
    + `${generated} C# files for ${Object.keys(assembly.types).length} jsii types (${files} expected files)`);
  for (const p of problems) console.log(`  FAIL ${p}`);
  if (problems.length === 0) console.log('  PASS every class, struct (and its interface) and enum has its C# file; NuminiaBaseline(scope, id, props) is there');
  return problems.length === 0 ? 0 : 1;
}

if (require.main === module) {
  process.exitCode = main();
}
