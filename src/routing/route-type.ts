import type { TrafficMode } from './routing.model';

/** The mode a GTFS route_type belongs to, as a traveller would name it; null for the rare others. */
export function modeOfRouteType(type: number): TrafficMode | null {
  // 717 is "share taxi" inside the bus range: travellers book it as a taxi.
  if (type === 717 || (type >= 1500 && type <= 1599)) return 'taxi';
  if (type === 3 || type === 11 || (type >= 700 && type <= 799) || (type >= 200 && type <= 299)) {
    return 'bus';
  }
  if (type === 2 || (type >= 100 && type <= 199) || (type >= 400 && type <= 499)) return 'rail';
  if (type === 0 || type === 5 || (type >= 900 && type <= 999)) return 'tram';
  if (type === 1) return 'metro';
  if (type === 4 || type === 1200 || (type >= 1000 && type <= 1099)) return 'ferry';
  return null;
}

/** Whether a route fits the mode a traveller named. */
export function routeTypeFitsMode(type: number, mode: TrafficMode): boolean {
  // Feeds file a metro as 401/402 (urban rail) as often as 1: "tunnelbana" must still find it.
  if (mode === 'metro' && (type === 401 || type === 402)) return true;
  return modeOfRouteType(type) === mode;
}
