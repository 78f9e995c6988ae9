// The policy-parameter module's public API: the service factory and the resolved values every rule reads.
export {
  createParamsService,
  numberParam,
  resolveAll,
  type ParamsService,
  type ResolvedParams,
} from './params.service.ts';
