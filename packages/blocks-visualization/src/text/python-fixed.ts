/**
 * Python's `f"{value:.{digits}f}"`: correctly rounded from the exact binary value, ties to even (JavaScript's
 * `toFixed` rounds exact ties up: 0.125 gives "0.13" there and "0.12" in Python).
 */
export function pythonFixed(value: number, digits: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'nan' : value > 0 ? 'inf' : '-inf';
  const exact = Math.abs(value).toFixed(Math.min(100, digits + 60)); // exact decimal expansion of the double
  const [whole, fraction = ''] = exact.split('.');
  const kept = fraction.slice(0, digits);
  const rest = fraction.slice(digits);
  let digitsText = `${whole}${kept}`;
  const half = rest[0] === '5' && /^50*$/.test(rest);
  const roundUp = rest[0]! > '5' || (rest[0] === '5' && !half) || (half && Number(digitsText.at(-1)) % 2 === 1);
  if (roundUp) {
    const incremented = (BigInt(digitsText) + 1n).toString().padStart(digitsText.length, '0');
    digitsText = incremented;
  }
  const integerPart = digitsText.slice(0, digitsText.length - digits) || '0';
  const fractionPart = digits > 0 ? `.${digitsText.slice(digitsText.length - digits)}` : '';
  const negative = value < 0 || Object.is(value, -0);
  return `${negative ? '-' : ''}${integerPart}${fractionPart}`;
}
