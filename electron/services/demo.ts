/** Demo data: the shipped scenarios (resources/demo), for a first look at the app. */
import hoaBinh from '../../resources/demo/phuong-hoa-binh-2026.json';
import tanLap from '../../resources/demo/xa-tan-lap-2026.json';
import type { ServiceContext } from './context';
import { loadScenario, parseScenario } from './scenarios';

export function loadDemo(ctx: ServiceContext): { conferenceIds: string[] } {
  return { conferenceIds: [hoaBinh, tanLap].map((raw) => loadScenario(ctx, parseScenario(raw))) };
}
