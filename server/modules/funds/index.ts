// The funds (衔接资金) module's public API: the service factory and its type, and the share checks the
// indicators' cockpit reads.
export { createFundsService, fundChecks, type FundsDeps, type FundsService } from './funds.service.ts';
