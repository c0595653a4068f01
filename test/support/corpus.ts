/**
 * The docs corpus: OpenMetadata's own documentation examples, vendored verbatim (broken ones
 * included) in test/corpus/docs; test/corpus/PROVENANCE.md gives each file's upstream source.
 */
import * as path from 'path';

export const CORPUS = path.join(__dirname, '..', 'corpus', 'docs');
