export { prepareVenue, venueFee, type FeeSchedule, type PreparedVenue, type VenueConfig, type VenueLiquidity } from './venues.ts';
export { createRouter, type RouteDecision, type RouteRequest, type Router, type VenueEstimate } from './route-order.ts';
