export interface Layer {
  from: string[];
  except?: string[];
  allow?: string[];
  deny?: string[];
  packages?: { allow?: string[]; deny?: string[] };
  reason?: string;
}
export const LAYERS: Layer[];
