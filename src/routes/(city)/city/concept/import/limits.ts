/** The largest concept file the page takes: a KIK table of 150 measures is about 60 KB as XLSX;
 * the request stays under adapter-node's BODY_SIZE_LIMIT (512 KB) with the file kept in the page. */
export const MAX_CONCEPT_FILE_BYTES = 300 * 1024;
