// RFC 3676 format=flowed, decoded with quote depth respected (§4.5: lines of different depth never join). mailparser's
// own decoder ignores depth and glues a quoted line ending in a space to the unquoted reply below it.

const SIGNATURE_SEPARATOR = '-- ';

export function decodeFlowed(text: string, delSp: boolean): string {
  const out: string[] = [];
  let paragraph: { depth: number; text: string } | undefined;
  const flush = () => {
    if (paragraph)
      out.push(paragraph.depth > 0 ? `${'>'.repeat(paragraph.depth)} ${paragraph.text}` : paragraph.text);
    paragraph = undefined;
  };
  for (const raw of text.split(/\r\n|\n/)) {
    let depth = 0;
    while (raw.charAt(depth) === '>') depth++;
    let content = raw.slice(depth);
    if (content.startsWith(' ')) content = content.slice(1); // space-stuffing
    const soft = content.endsWith(' ') && content !== SIGNATURE_SEPARATOR;
    if (paragraph && paragraph.depth !== depth) flush();
    const piece = soft && delSp ? content.slice(0, -1) : content;
    paragraph = paragraph ? { depth, text: paragraph.text + piece } : { depth, text: piece };
    if (!soft) flush();
  }
  flush();
  return out.join('\n');
}

const TEXT_PLAIN_HEADER = /^content-type:[ \t]*text\/plain[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*/gim;
const FLOWED_PARAMETER = /;[ \t\r\n]*format[ \t]*=[ \t]*"?flowed"?/i;
const DELSP_YES = /delsp[ \t]*=[ \t]*"?yes"?/i;

/**
 * Turns mailparser's flowed decoding off by removing `format=flowed` from text/plain part headers (in a byte-preserving
 * latin1 view of the message); returns the rewritten bytes and whether (and how) to decode flowed text afterwards.
 */
export function withoutFlowedParameter(raw: Buffer): { raw: Buffer; flowed?: { delSp: boolean } } {
  const view = raw.toString('latin1');
  let flowed: { delSp: boolean } | undefined;
  const rewritten = view.replace(TEXT_PLAIN_HEADER, (header) => {
    if (!FLOWED_PARAMETER.test(header)) return header;
    flowed = { delSp: DELSP_YES.test(header) };
    return header.replace(FLOWED_PARAMETER, '');
  });
  return flowed ? { raw: Buffer.from(rewritten, 'latin1'), flowed } : { raw };
}
