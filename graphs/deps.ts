import type { BaseCheckpointSaver } from '@langchain/langgraph';
import type { DecisionLog } from '../core/index.ts';
import type { ModelProvider, SpecialistName, Toolbox } from '../agents/index.ts';

/** Everything the desk graph needs; apps/ wires the concrete pieces. */
export interface DeskGraphDeps {
  provider: ModelProvider;
  /** One allowlisted toolbox per agent role. `placement` is the execution role's place_order access. */
  toolboxes: Record<SpecialistName | 'critic' | 'placement', Toolbox>;
  decisions: DecisionLog;
  checkpointer: BaseCheckpointSaver;
  /** Supervisor/specialist steps allowed per turn before the desk stops with a message. */
  maxStepsPerTurn?: number;
  /** Model tokens a thread may use in all; once spent, turns end with a message instead of model calls. */
  threadTokenBudget?: number | null;
  /** Orders above this notional (USD) pause for a human; 'all' pauses every order; a function decides per order; absent: none. */
  humanApproval?: { above: string } | 'all' | ((order: { clientOrderId: string }, notional: string) => boolean) | null;
}
