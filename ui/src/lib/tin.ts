/**
 * The hint under a W-9's TIN field: the two shapes with # for each digit (a
 * made-up example would itself look like a whole TIN on screen), their
 * hyphens non-breaking (U+2011) so a line never wraps inside a pattern.
 */
export const W9_TIN_HINT = "An SSN (###\u2011##\u2011####) or an EIN (##\u2011#######)";
