/** Files the server would refuse for sure (pdf/jpg/png/docx/xlsx only, 10 MB at most), caught before uploading. */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_EXTENSIONS = ['pdf', 'jpg', 'jpeg', 'png', 'docx', 'xlsx'];

/** A file the server will surely refuse (name or size), as a dictionary problem; null when worth sending. */
export function evidenceProblem(file: { name: string; size: number }): 'evidenceType' | 'evidenceSize' | 'evidenceEmpty' | null {
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  if (!EVIDENCE_EXTENSIONS.includes(ext)) return 'evidenceType';
  if (file.size === 0) return 'evidenceEmpty';
  if (file.size > EVIDENCE_MAX_BYTES) return 'evidenceSize';
  return null;
}
