// A button that opens the file chooser for a JSON file (settings, packs): the file input itself is
// hidden, so the button is what keyboards and screen readers meet.
import { useRef } from 'preact/hooks';

interface JsonFileButtonProps {
  label: string;
  onFile: (file: File) => void;
  testId: string;
  inputTestId: string;
}

export function JsonFileButton({ label, onFile, testId, inputTestId }: JsonFileButtonProps) {
  const fileRef = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" class="opt-button" onClick={() => fileRef.current?.click()} data-testid={testId}>
        {label}
      </button>
      <input
        ref={fileRef}
        type="file"
        accept=".json,application/json"
        class="opt-hidden-file"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          const input = event.currentTarget;
          const file = input.files?.[0];
          // Cleared so choosing the same file again (after fixing it) reports again.
          input.value = '';
          if (file) onFile(file);
        }}
        data-testid={inputTestId}
      />
    </>
  );
}
