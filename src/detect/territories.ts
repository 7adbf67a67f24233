// Territory names → ISO 3166-1 alpha-2 codes ('EU' for the European Union), for territorial findings.

/** `[code, names separated by "|"]`; names are matched case-insensitively as whole words. */
const TABLE: [string, string][] = [
  ['EU', 'European Union|the EU|E\\.U\\.'],
  ['AF', 'Afghanistan'], ['AL', 'Albania'], ['DZ', 'Algeria'], ['AD', 'Andorra'], ['AO', 'Angola'],
  ['AG', 'Antigua and Barbuda'], ['AR', 'Argentina'], ['AM', 'Armenia'], ['AU', 'Australia'], ['AT', 'Austria'],
  ['AZ', 'Azerbaijan'], ['BS', 'Bahamas'], ['BH', 'Bahrain'], ['BD', 'Bangladesh'], ['BB', 'Barbados'],
  ['BY', 'Belarus'], ['BE', 'Belgium'], ['BZ', 'Belize'], ['BJ', 'Benin'], ['BT', 'Bhutan'], ['BO', 'Bolivia'],
  ['BA', 'Bosnia and Herzegovina|Bosnia'], ['BW', 'Botswana'], ['BR', 'Brazil'], ['BN', 'Brunei'],
  ['BG', 'Bulgaria'], ['BF', 'Burkina Faso'], ['BI', 'Burundi'], ['KH', 'Cambodia'], ['CM', 'Cameroon'],
  ['CA', 'Canada'], ['CV', 'Cape Verde|Cabo Verde'], ['CF', 'Central African Republic'], ['TD', 'Chad'],
  ['CL', 'Chile'], ['CN', "China|People's Republic of China|People’s Republic of China|PRC|mainland China"],
  ['CO', 'Colombia'], ['KM', 'Comoros'], ['CD', 'Democratic Republic of the Congo|DR Congo'],
  ['CG', 'Republic of the Congo'], ['CR', 'Costa Rica'], ['CI', "Côte d'Ivoire|Cote d'Ivoire|Ivory Coast"],
  ['HR', 'Croatia'], ['CU', 'Cuba'], ['CY', 'Cyprus'], ['CZ', 'Czech Republic|Czechia'], ['DK', 'Denmark'],
  ['DJ', 'Djibouti'], ['DM', 'Dominica'], ['DO', 'Dominican Republic'], ['EC', 'Ecuador'], ['EG', 'Egypt'],
  ['SV', 'El Salvador'], ['GQ', 'Equatorial Guinea'], ['ER', 'Eritrea'], ['EE', 'Estonia'],
  ['SZ', 'Eswatini|Swaziland'], ['ET', 'Ethiopia'], ['FJ', 'Fiji'], ['FI', 'Finland'], ['FR', 'France'],
  ['GA', 'Gabon'], ['GM', 'Gambia'], ['GE', 'Georgia'], ['DE', 'Germany'], ['GH', 'Ghana'], ['GR', 'Greece'],
  ['GD', 'Grenada'], ['GT', 'Guatemala'], ['GN', 'Guinea'], ['GW', 'Guinea-Bissau'], ['GY', 'Guyana'],
  ['HT', 'Haiti'], ['HN', 'Honduras'], ['HK', 'Hong Kong'], ['HU', 'Hungary'], ['IS', 'Iceland'],
  ['IN', 'India'], ['ID', 'Indonesia'], ['IR', 'Iran'], ['IQ', 'Iraq'], ['IE', 'Ireland'], ['IL', 'Israel'],
  ['IT', 'Italy'], ['JM', 'Jamaica'], ['JP', 'Japan'], ['JO', 'Jordan'], ['KZ', 'Kazakhstan'], ['KE', 'Kenya'],
  ['KI', 'Kiribati'], ['KP', "North Korea|Democratic People's Republic of Korea|DPRK"],
  ['KR', 'South Korea|Republic of Korea'], ['KW', 'Kuwait'], ['KG', 'Kyrgyzstan'], ['LA', 'Laos'],
  ['LV', 'Latvia'], ['LB', 'Lebanon'], ['LS', 'Lesotho'], ['LR', 'Liberia'], ['LY', 'Libya'],
  ['LI', 'Liechtenstein'], ['LT', 'Lithuania'], ['LU', 'Luxembourg'], ['MO', 'Macau|Macao'],
  ['MG', 'Madagascar'], ['MW', 'Malawi'], ['MY', 'Malaysia'], ['MV', 'Maldives'], ['ML', 'Mali'],
  ['MT', 'Malta'], ['MH', 'Marshall Islands'], ['MR', 'Mauritania'], ['MU', 'Mauritius'], ['MX', 'Mexico'],
  ['FM', 'Micronesia'], ['MD', 'Moldova'], ['MC', 'Monaco'], ['MN', 'Mongolia'], ['ME', 'Montenegro'],
  ['MA', 'Morocco'], ['MZ', 'Mozambique'], ['MM', 'Myanmar|Burma'], ['NA', 'Namibia'], ['NR', 'Nauru'],
  ['NP', 'Nepal'], ['NL', 'Netherlands'], ['NZ', 'New Zealand'], ['NI', 'Nicaragua'], ['NE', 'Niger'],
  ['NG', 'Nigeria'], ['MK', 'North Macedonia|Macedonia'], ['NO', 'Norway'], ['OM', 'Oman'],
  ['PK', 'Pakistan'], ['PW', 'Palau'], ['PS', 'Palestine'], ['PA', 'Panama'], ['PG', 'Papua New Guinea'],
  ['PY', 'Paraguay'], ['PE', 'Peru'], ['PH', 'Philippines'], ['PL', 'Poland'], ['PT', 'Portugal'],
  ['QA', 'Qatar'], ['RO', 'Romania'], ['RU', 'Russia|Russian Federation'], ['RW', 'Rwanda'],
  ['KN', 'Saint Kitts and Nevis'], ['LC', 'Saint Lucia'], ['VC', 'Saint Vincent and the Grenadines'],
  ['WS', 'Samoa'], ['SM', 'San Marino'], ['ST', 'Sao Tome and Principe'], ['SA', 'Saudi Arabia'],
  ['SN', 'Senegal'], ['RS', 'Serbia'], ['SC', 'Seychelles'], ['SL', 'Sierra Leone'], ['SG', 'Singapore'],
  ['SK', 'Slovakia'], ['SI', 'Slovenia'], ['SB', 'Solomon Islands'], ['SO', 'Somalia'], ['ZA', 'South Africa'],
  ['SS', 'South Sudan'], ['ES', 'Spain'], ['LK', 'Sri Lanka'], ['SD', 'Sudan'], ['SR', 'Suriname'],
  ['SE', 'Sweden'], ['CH', 'Switzerland'], ['SY', 'Syria'], ['TW', 'Taiwan'], ['TJ', 'Tajikistan'],
  ['TZ', 'Tanzania'], ['TH', 'Thailand'], ['TL', 'Timor-Leste|East Timor'], ['TG', 'Togo'], ['TO', 'Tonga'],
  ['TT', 'Trinidad and Tobago'], ['TN', 'Tunisia'], ['TR', 'Turkey|Türkiye'], ['TM', 'Turkmenistan'],
  ['TV', 'Tuvalu'], ['UG', 'Uganda'], ['UA', 'Ukraine'], ['AE', 'United Arab Emirates|UAE'],
  ['GB', 'United Kingdom|Great Britain|the UK'], ['US', 'United States of America|United States|USA|the U\\.S\\.|the US'],
  ['UY', 'Uruguay'], ['UZ', 'Uzbekistan'], ['VU', 'Vanuatu'], ['VA', 'Vatican City|Holy See'],
  ['VE', 'Venezuela'], ['VN', 'Vietnam|Viet Nam'], ['YE', 'Yemen'], ['ZM', 'Zambia'], ['ZW', 'Zimbabwe'],
]

/** The European Economic Area: the Union plus Iceland, Liechtenstein and Norway. */
const EEA = ['EU', 'IS', 'LI', 'NO']

/** Candidate names keyed by their first word, lower-cased: "european" → European Union, European Economic Area. */
const BY_FIRST_WORD = new Map<string, { re: RegExp; codes: string[]; length: number }[]>()
function index(name: string, codes: string[], acronym: boolean): void {
  const pattern = name.replace(/ /g, '\\s+')
  // Sticky: tried only where a word starts, so the whole scan stays linear in the text length.
  const re = new RegExp(`${pattern}(?![\\p{L}])`, acronym ? 'uy' : 'iuy')
  const first = name.split(/[\s\\]/)[0].replace(/[^\p{L}'’-]/gu, '').toLowerCase().replace(/['’]s$/, '')
  const list = BY_FIRST_WORD.get(first) ?? []
  list.push({ re, codes, length: name.length })
  list.sort((a, b) => b.length - a.length)
  BY_FIRST_WORD.set(first, list)
}
index('European Economic Area', EEA, false)
index('EEA', EEA, true)
for (const [code, names] of TABLE) {
  for (const n of names.split('|')) index(n, [code], /[A-Z]{2,}|[A-Z]\\\./.test(n))
}

/**
 * Every territory named in `text`, as ISO 3166-1 alpha-2 codes (`EU` for the Union), in first-seen order.
 * Acronyms ("PRC", "UAE", "EEA") match only in capitals. Linear: each word is looked up once.
 * @example territoriesIn('excluding the territory of the European Union') // → ['EU']
 */
export function territoriesIn(text: string): string[] {
  const out: string[] = []
  const word = /[\p{L}][\p{L}'’-]*/gu
  let m: RegExpExecArray | null
  while ((m = word.exec(text))) {
    const candidates = BY_FIRST_WORD.get(m[0].toLowerCase().replace(/['’]s$/, ''))
    if (!candidates) continue
    for (const c of candidates) {
      c.re.lastIndex = m.index
      const hit = c.re.exec(text)
      if (!hit) continue
      for (const code of c.codes) if (!out.includes(code)) out.push(code)
      word.lastIndex = m.index + hit[0].length
      break
    }
  }
  return out
}
