// The "computed" marker beside a number the app worked out (a trend, a projection): its tooltip
// lists the inputs and the formula, so the reader can check the arithmetic.
import { OverlayArrow, Tooltip, TooltipTrigger } from 'react-aria-components';
import { Button } from '../ui/Button';

export function ComputedMarker({ what, inputs, formula }: { what: string; inputs: string[]; formula: string }) {
  return (
    <TooltipTrigger delay={200} closeDelay={200}>
      <Button className="computed" aria-label={`How ${what} is computed: ${formula}. Inputs: ${inputs.join('; ')}`}>
        computed
      </Button>
      <Tooltip className="tooltip computed-tooltip" placement="top">
        <OverlayArrow>
          <svg width={8} height={8} viewBox="0 0 8 8" aria-hidden="true">
            <path d="M0 0 L4 4 L8 0" />
          </svg>
        </OverlayArrow>
        <p className="tooltip-formula">{formula}</p>
        {inputs.length > 0 && (
          <ul>
            {inputs.map((i) => (
              <li key={i}>{i}</li>
            ))}
          </ul>
        )}
      </Tooltip>
    </TooltipTrigger>
  );
}
