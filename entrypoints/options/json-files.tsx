// JSON files in and out of the options page (settings, packs): a button that opens the file
// chooser (the file input itself is hidden, so the button is what keyboards and screen readers
// meet), and a download.
import { useRef } from 'preact/hooks';
import { downloadText } from '@/components/download';

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

/** Saves `text` as a JSON file named `fileName` in the user's downloads. */
export function downloadJson(text: string, fileName: string): void {
  downloadText(text, fileName, 'application/json');
}
