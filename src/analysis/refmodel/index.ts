/** Public surface of the DMA-buf mapping-type reference model (docs/refmodel.md). */
export * from './types.js';
export { PAGE_SIZE, IOVA_BASE, MOVE_DISTANCE, DEFAULT_DEPTH, DEFAULT_MAX_GROUP } from './config.js';
export { convertPalToSgt, convertPalToIommuDomain, type Converted } from './convert.js';
export { referenceMatch, describeMatch, REVOCABLE_NEEDS_DYNAMIC } from './match.js';
export { REFERENCE_STRATEGY, type ModelStrategy } from './strategy.js';
export { initialState, stateKey, rangesAt } from './core.js';
export { buildActions, normaliseLabel } from './actions.js';
export { INVARIANTS, type Invariant, type CheckContext } from './invariants.js';
export { exploreGroup, type Exploration, type ExploreOptions, type FoundViolation } from './explore.js';
export { groupModel, groupsOf, pairBaseline } from './groups.js';
export { describeState, formatReplay, parseReplay, type Counterexample, type Trace, type TraceStep, type ReplayTarget } from './trace.js';
export { applyDelta, driverBurden, type DriverBurden } from './deltas.js';
export { resolveSteps, type Sequence, type Step, type StepDelta, type StepInput } from './sequence.js';
export { parseBinding, parseSequenceFile, loadBindingFile, loadSequenceFile, type Binding, type BindingEntry, type SequenceFile } from './files.js';
export * from './mutants.js';
export { verifySequences, type VerifyOptions, type VerifyReport, type SequenceReport, type StepReport, type InvariantReport } from './verify.js';
export { replayCounterexample, type ReplayResult } from './replay.js';
export { checkBinding, type BindingMismatch, type BindingMismatchKind } from './binding.js';
