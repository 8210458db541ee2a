// xmllint (libxml2 built to WebAssembly, the npm package xmllint-wasm): a well-formedness check of many documents in one run.
import { validateXML } from 'xmllint-wasm';

/** Runs `xmllint --noout` over the files; `errors` lists every problem found. */
export function xmllint(files: { fileName: string; contents: string }[]) {
  return validateXML({
    xml: files,
    normalization: 'format',
    modifyArguments: (args: string[]) => ['--noout', ...args.filter((a) => a !== '--format')],
  });
}
