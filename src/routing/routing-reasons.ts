import type { ContractInfo, OrganisationRef, RouteInfo } from './routing.model';

/** `9011003000400000 (4, agency Kollektivtrafikförvaltningen UL)` */
function routeWithAgency(route: RouteInfo): string {
  return `${route.routeId} (${route.shortName}, agency ${route.agencyName})`;
}

/** "route X (…)" for one, "2 routes: X (…), Y (…)" for more. */
export function describeRoutes(routes: readonly RouteInfo[]): string {
  if (routes.length === 1) return `route ${routeWithAgency(routes[0])}`;
  return `${routes.length} routes: ${routes.map(routeWithAgency).join(', ')}`;
}

export function describeValidity(contract: ContractInfo): string {
  return contract.validTo === null
    ? `valid from ${contract.validFrom}`
    : `valid ${contract.validFrom}..${contract.validTo}`;
}

/** `UL-STAD (Stadstrafik Uppsala)` */
export function describeContract(contract: ContractInfo): string {
  return `${contract.code} (${contract.name})`;
}

/** Says which part the organisation plays: the authority, the contract's operator, or by name only. */
export function describeOrganisation(
  organisation: OrganisationRef,
  authority: OrganisationRef,
  contract?: ContractInfo,
): string {
  if (organisation.id === authority.id) return `the authority ${organisation.name}`;
  if (contract && organisation.id === contract.operator.id) return `operator ${organisation.name}`;
  return organisation.name;
}
