// JSON files in and out of the options page (settings, packs): a button that opens the file
// chooser (the file input itself is hidden, so the button is what keyboards and screen readers
// meet), and a download.
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

/** Saves `text` as a JSON file named `fileName` in the user's downloads. */
export function downloadJson(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  // Attached while clicked: Firefox ignores a click on a link that is not in the document.
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference to the blob by now; the page's URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
