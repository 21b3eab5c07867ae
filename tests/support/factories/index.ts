/**
 * The test data factories, one entry point for every suite and benchmark:
 *
 * - sql.ts: rows in the database (users, cities, organisations, concepts, districts, offers),
 *   written through any `SqlQuery` of tests/support/sql-engines.ts;
 * - search-documents.ts: search documents for the engines, one at a time or many generated.
 *
 *   import { searchDocument } from '$test/factories'; // in a spec under src/
 *   import { createCity, createOffer } from '../support/factories'; // in tests/sql/
 */
export * from './search-documents';
export * from './sql';
