/** How each kind of name is called in the interface (the card's kind line, the options' checkboxes). */
import type { EntityTypeName } from '../data/schema.ts'
import type { MessageKey } from '../shared/i18n.ts'

export const TYPE_LABEL: Record<EntityTypeName, MessageKey> = {
  person: 'typePerson',
  place: 'typePlace',
  organisation: 'typeOrganisation',
  party: 'typeParty',
  company: 'typeCompany',
  media: 'typeMedia',
}
