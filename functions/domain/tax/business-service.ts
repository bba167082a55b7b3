import { ulid } from 'ulid';
import type { SharedStores } from '../kernel/ports.js';
import type { Actor } from '../kernel/actor.js';
import { auditEntry } from '../activity/activity-service.js';
import { assertMayRegisterBusinesses } from '../access/authorization.js';
import type { Clock } from '../kernel/clock.js';
import { ConflictError, InvalidInputError } from '../kernel/errors.js';
import { foldDiacritics } from '../kernel/fold.js';
import { BUSINESS_SECTORS, type Business, type BusinessSector, type Page } from '../kernel/model.js';
import { toPage } from '../kernel/pages.js';
import { cleanTaxCode, cleanText, isPlausibleId, LIMITS, oneOf, pageSize } from '../kernel/validation.js';
import type { WardService } from '../units/ward-service.js';

export interface RegisterBusinessInput {
  taxCode: string;
  name: string;
  sector: string;
  wardId?: string | null;
}

export function createBusinessService(stores: SharedStores, wards: WardService, clock: Clock) {
  return {
    async registerBusiness(actor: Actor, input: RegisterBusinessInput): Promise<Business> {
      assertMayRegisterBusinesses(actor);
      const taxCode = cleanTaxCode(input.taxCode);
      const name = cleanText(input.name, 'name', LIMITS.name);
      const sector = oneOf(input.sector, BUSINESS_SECTORS, 'sector') as BusinessSector;
      const wardId = input.wardId ?? undefined;
      if (wardId) await wards.requireWard(wardId);
      const registeredAt = clock().toISOString();
      const business: Business = { id: ulid(Date.parse(registeredAt)), taxCode, name, sector, wardId, registeredAt };
      const created = await stores.businesses.createBusiness(business, auditEntry(actor, 'BUSINESS_REGISTERED', `Registered ${name} (${taxCode})`, { businessId: business.id, wardId }, registeredAt));
      if (!created) {
        const existing = await stores.businesses.getBusinessByTaxCode(taxCode);
        throw new ConflictError(`Tax code ${taxCode} is already registered${existing ? ` to "${existing.name}"` : ''}; look it up with Query.business(taxCode).`, { taxCode });
      }
      return business;
    },
    /** The business with this tax code, or undefined; a malformed tax code is refused. */
    async getBusinessByTaxCode(taxCode: string): Promise<Business | undefined> {
      return stores.businesses.getBusinessByTaxCode(cleanTaxCode(taxCode));
    },
    async getBusiness(id: string): Promise<Business | undefined> {
      return isPlausibleId(id) ? stores.businesses.getBusiness(id) : undefined;
    },
    async listBusinesses(args: { sector?: string | null; wardId?: string | null; search?: string | null; first?: number | null; after?: string | null }): Promise<Page<Business>> {
      const search = args.search?.trim() ? foldDiacritics(args.search.trim().replace(/\s+/g, ' ')) : undefined;
      if (search && (search.length < 2 || search.length > 100)) throw new InvalidInputError('search is 2 to 100 characters of a business name, e.g. "song sai gon".', { field: 'search' });
      const filter = { sector: args.sector ? (oneOf(args.sector, BUSINESS_SECTORS, 'sector') as BusinessSector) : undefined, wardId: args.wardId ?? undefined, nameContains: search };
      const first = pageSize(args.first);
      return toPage(
        async () => {
          const page = await stores.businesses.listBusinesses(filter, first, args.after);
          return { ...page, nodes: page.businesses };
        },
        () => stores.businesses.countBusinesses(filter),
      );
    },
  };
}
export type BusinessService = ReturnType<typeof createBusinessService>;
