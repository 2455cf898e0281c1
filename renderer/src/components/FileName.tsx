/**
 * A file name that wraps at its separators (after "_", "-", "." and spaces) rather than mid-word:
 * "SEIS_Service_Log_2023-24_Rivera.pdf" breaks into "SEIS_Service_Log_" / "2023-24_Rivera.pdf".
 */
export function FileName({ name, className }: { name: string; className?: string }) {
  const parts = name.split(/(?<=[_\-.])/);
  return (
    <span className={className ? `file-name ${className}` : 'file-name'}>
      {parts.map((p, i) => (
        <span key={i}>
          {p}
          {i < parts.length - 1 && <wbr />}
        </span>
      ))}
    </span>
  );
}
