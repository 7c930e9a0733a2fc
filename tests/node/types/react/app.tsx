// A React 19 component using the elements, as the README shows it: type-checked
// against xinyong/react by tests/node/types.test.mjs (never run).
import type {} from 'xinyong/react';
import type { XinyongCodeInput } from 'xinyong/elements';
import { useRef, useState } from 'react';

export function CodeField({ onDone }: { onDone: (code: string) => void }) {
  const [code, setCode] = useState('');
  const [valid, setValid] = useState(false);
  const ref = useRef<XinyongCodeInput>(null);
  return (
    <form onSubmit={() => onDone(ref.current?.normalized ?? '')}>
      <xinyong-code-input ref={ref} name="code" required lang="en" label="Company code" placeholder="18 位"
        value={code} accept-pilot-codes onInput={(e) => setCode(e.currentTarget.value)}
        onxinyong-validate={(e) => setValid(e.detail.valid && e.currentTarget.required)} />
      <xinyong-code-input name="other" acceptPilotCodes disabled={!valid} form="f" className="code" />
      {/* @ts-expect-error: the language is zh-Hans, zh-Hant or en */}
      <xinyong-code-input lang="fr" />
      {/* @ts-expect-error: required is a boolean */}
      <xinyong-code-input required="yes" />
      {/* @ts-expect-error: the detail is a Validation, whose valid is not a string */}
      <xinyong-code-input onxinyong-validate={(e) => e.detail.valid.toUpperCase()} />
      <xinyong-credit-status src="/api/entities/91350200MA31F7KX1J" as-of="2026-11-26" code="91350200MA31F7KX1J"
        entity={null} onxinyong-status={(e) => console.log(e.detail?.verdict)} />
      {valid ? <p>{code}</p> : null}
    </form>
  );
}
