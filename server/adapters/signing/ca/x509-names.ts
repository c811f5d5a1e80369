import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/** Distinguished-name attributes the Vietnamese CAs use. */
export interface NameParts {
  country?: string;
  province?: string;
  locality?: string;
  organisation?: string;
  organisationalUnit?: string;
  commonName: string;
  /** UID, e.g. "MNS:1234567" for an organisation or "CCCD:0010…" for a person. */
  uid?: string;
}

const OID = {
  country: '2.5.4.6',
  province: '2.5.4.8',
  locality: '2.5.4.7',
  organisation: '2.5.4.10',
  organisationalUnit: '2.5.4.11',
  commonName: '2.5.4.3',
  uid: '0.9.2342.19200300.100.1.1',
} as const;

const SHORT: Record<string, string> = {
  '2.5.4.6': 'C',
  '2.5.4.8': 'ST',
  '2.5.4.7': 'L',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.3': 'CN',
  '0.9.2342.19200300.100.1.1': 'UID',
  '1.2.840.113549.1.9.1': 'E',
  '2.5.4.5': 'SERIALNUMBER',
};

export function buildName(parts: NameParts): pkijs.RelativeDistinguishedNames {
  const order: (keyof NameParts)[] = ['country', 'province', 'locality', 'organisation', 'organisationalUnit', 'uid', 'commonName'];
  const typesAndValues: pkijs.AttributeTypeAndValue[] = [];
  for (const key of order) {
    const value = parts[key];
    if (value === undefined || value === '') continue;
    typesAndValues.push(
      new pkijs.AttributeTypeAndValue({
        type: OID[key],
        // Country is PrintableString by X.520; everything else UTF8 for Vietnamese diacritics.
        value: key === 'country' ? new asn1js.PrintableString({ value }) : new asn1js.Utf8String({ value }),
      }),
    );
  }
  // One attribute per RDN (SET); pkijs would put them all into a single multi-valued RDN.
  const der = new asn1js.Sequence({
    value: typesAndValues.map((tv) => new asn1js.Set({ value: [tv.toSchema()] })),
  }).toBER(false);
  return pkijs.RelativeDistinguishedNames.fromBER(der);
}

function attributeValue(tv: pkijs.AttributeTypeAndValue): string {
  const v = tv.value as unknown as { valueBlock?: { value?: unknown } };
  const raw = v.valueBlock?.value;
  return typeof raw === 'string' ? raw : String(raw ?? '');
}

export function nameAttribute(name: pkijs.RelativeDistinguishedNames, type: keyof typeof OID): string | undefined {
  const found = name.typesAndValues.find((tv) => tv.type === OID[type]);
  return found ? attributeValue(found) : undefined;
}

/** "CN=…, O=…, C=VN", most specific first, as operators read it. */
export function formatName(name: pkijs.RelativeDistinguishedNames): string {
  return [...name.typesAndValues]
    .reverse()
    .map((tv) => `${SHORT[tv.type] ?? tv.type}=${attributeValue(tv)}`)
    .join(', ');
}
