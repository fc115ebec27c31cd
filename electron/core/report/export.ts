// PLACEHOLDER (contract): the report as .xlsx / .csv; the report helper implements it.
import type { ExportedFile, ReportDimension, ReportExportFormat } from '../../../shared/report';
import type { Actor } from '../api/context';
import type { Db } from '../db/connection';

export function exportReport(_db: Db, _actor: Actor, _input: { month: string; by: ReportDimension; format: ReportExportFormat }, _now: Date): Promise<ExportedFile> {
  throw new Error('not implemented yet');
}
