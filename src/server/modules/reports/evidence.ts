/**
 * Evidence files (佐证材料): pdf, jpg, png, docx, xlsx — the type is read from the bytes, not
 * trusted from the name, and the name's extension must agree with it. 10 MiB at most each.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { writeAudit } from '../../audit/audit.js';
import type { ReportCtx } from './report.service.js';

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

const TYPES = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
type Kind = keyof typeof TYPES;

/** The file's real type from its first bytes (and, for Office files, the zip's part names). */
export function sniffType(bytes: Buffer): Kind | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    const names = bytes.toString('latin1');
    if (!names.includes('[Content_Types].xml')) return null;
    if (names.includes('word/document.xml')) return 'docx';
    if (names.includes('xl/workbook.xml')) return 'xlsx';
  }
  return null;
}

const extOf = (name: string): string => (/\.([a-z0-9]+)$/i.exec(name)?.[1] ?? '').toLowerCase().replace('jpeg', 'jpg');

export async function addEvidence(db: Kysely<Database>, ctx: ReportCtx, reportId: number, fileName: string, bytes: Buffer): Promise<{ id: number }> {
  const name = fileName.trim().replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 120);
  if (!name) throw new AppError('VALIDATION_FAILED', '请提供文件名', { field: 'fileName' });
  if (bytes.length === 0) throw new AppError('VALIDATION_FAILED', `文件“${name}”是空文件`, { field: 'file' });
  if (bytes.length > EVIDENCE_MAX_BYTES) throw new AppError('VALIDATION_FAILED', `文件“${name}”超过${EVIDENCE_MAX_BYTES / 1024 / 1024}MB`, { field: 'file' });
  const kind = sniffType(bytes);
  if (!kind) throw new AppError('VALIDATION_FAILED', `文件“${name}”不是允许的类型（仅限 PDF、JPG、PNG、DOCX、XLSX，按文件内容识别）`, { field: 'file' });
  if (extOf(name) !== kind) throw new AppError('VALIDATION_FAILED', `文件“${name}”的扩展名与内容不符：内容是 ${kind.toUpperCase()} 文件`, { field: 'fileName' });
  return db.transaction().execute(async (trx) => {
    const r = await trx.selectFrom('report').select(['id', 'unit_name', 'status']).where('id', '=', reportId).executeTakeFirst();
    if (!r) throw new AppError('NOT_FOUND', `报告（编号 ${reportId}）不存在`);
    if (r.unit_name !== ctx.unitName) throw new AppError('OUT_OF_SCOPE', '只能为本单位的报告上传佐证材料');
    if (r.status !== 'draft' && r.status !== 'returned') throw new AppError('CONFLICT', '报告已提交或已采纳，不能再上传佐证材料');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const row = await trx
      .insertInto('evidence_file')
      .values({ report_id: reportId, file_name: name, mime_type: TYPES[kind], size: bytes.length, sha256, content: bytes, uploaded_by: ctx.actor.id!, uploaded_at: ctx.now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, { at: ctx.now, actor: ctx.actor, ip: ctx.ip ?? null, requestId: ctx.requestId ?? null, action: 'report.evidence', objectType: 'report', objectId: reportId, after: { fileName: name, size: bytes.length, sha256 }, outcome: 'success' });
    return { id: Number(row.id) };
  });
}

export async function readEvidence(db: Kysely<Database>, id: number) {
  const e = await db.selectFrom('evidence_file').selectAll().where('id', '=', id).executeTakeFirst();
  if (!e) throw new AppError('NOT_FOUND', `佐证材料（编号 ${id}）不存在`);
  return e;
}
