import type { Rule } from 'eslint';
import type { Layer } from './layers';
declare const rule: Rule.RuleModule;
export default rule;
export function packageName(spec: string): string;
export function layersFor(layers: Layer[], fileRel: string): Layer[];
export function localViolation(layers: Layer[], targetRel: string): string | undefined;
export function packageViolation(layers: Layer[], name: string): string | undefined;
