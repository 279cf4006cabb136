export { bodyMatches } from './body-matches';
export {
  replaySession,
  type ReplayOptions,
  type StepResult,
} from './replay-session';
export { parseSession, sessionStep, type SessionStep } from './session-step';
