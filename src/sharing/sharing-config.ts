import { defaultParameterPrefix } from './parameter-names';
import { SharingProps } from './sharing-props';

/** The sharing props with every default filled in. */
export interface SharingConfig {
  readonly publishParameters: boolean;
  readonly parameterPrefix: string;
}

/** What the baseline shares: its parameters, under `/<project>/<environment>/baseline/`. */
export function resolveSharingConfig(props: SharingProps | undefined, project: string, environment: string): SharingConfig {
  return {
    publishParameters: props?.publishParameters ?? true,
    parameterPrefix: props?.parameterPrefix ?? defaultParameterPrefix(project, environment),
  };
}
