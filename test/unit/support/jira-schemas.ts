/**
 * JSON Schemas (draft-07, for ajv) of the Jira request and response shapes the Jira client uses,
 * written for these tests from Atlassian's published descriptions. They cover only the subset the
 * client sends and reads, and are stricter than Jira where that catches a client mistake (an
 * unknown field under `fields`, a misspelt `dueDate`): Jira itself would ignore or refuse those
 * with a message that is easy to miss.
 *
 * Sources, consulted for each shape (named again above each schema):
 * - Cloud OpenAPI: https://developer.atlassian.com/cloud/jira/platform/swagger-v3.v3.json, as
 *   mirrored daily in the public repository salto-io/jira-swaggers (platform-swagger.v3.json,
 *   fetched by its .github/workflows/fetch-swaggers.yml).
 * - jira.js (npm), whose models are generated from that OpenAPI: 5.4.0 src/version3/models/*.ts and
 *   src/version2/models/*.ts; 6.2.0 src/cloud/models/*.ts (zod schemas).
 * - Reference pages on developer.atlassian.com, each named below.
 */

/** A calendar date as Jira writes `duedate`. */
const DATE = { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' } as const;

/** `{ key }` or `{ id }` (or `{ name }` where the field allows it): how Jira names a related entity in a request. */
function reference(...keys: string[]): object {
  return {
    type: 'object',
    properties: Object.fromEntries(keys.map((k) => [k, { type: 'string', minLength: 1 }])),
    minProperties: 1,
    additionalProperties: false,
  };
}

/*
 * Atlassian Document Format, the subset the client writes: a `doc` of paragraphs holding text
 * and hard breaks.
 * Sources: https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/ (doc is
 * `{version: 1, type: "doc", content}`), .../document/nodes/doc/, .../nodes/paragraph/
 * (`content` of inline nodes, optional `attrs.localId`), .../nodes/text/ and .../nodes/hardBreak/;
 * the ADF JSON schema linked there (go.atlassian.com/adf-json-schema: doc_node requires version,
 * type and content with no other properties; a text node's `text` has minLength 1);
 * jira.js 5.4.0 src/version3/models/document.ts.
 */
const ADF_TEXT = {
  type: 'object',
  required: ['type', 'text'],
  properties: { type: { const: 'text' }, text: { type: 'string', minLength: 1 }, marks: { type: 'array' } },
  additionalProperties: false,
};
const ADF_HARD_BREAK = {
  type: 'object',
  required: ['type'],
  properties: { type: { const: 'hardBreak' }, attrs: { type: 'object' } },
  additionalProperties: false,
};
const ADF_PARAGRAPH = {
  type: 'object',
  required: ['type'],
  properties: {
    type: { const: 'paragraph' },
    content: { type: 'array', items: { oneOf: [ADF_TEXT, ADF_HARD_BREAK] } },
    attrs: { type: 'object' },
  },
  additionalProperties: false,
};
export const adfDocSchema = {
  type: 'object',
  required: ['type', 'version', 'content'],
  properties: { type: { const: 'doc' }, version: { const: 1 }, content: { type: 'array', items: ADF_PARAGRAPH } },
  additionalProperties: false,
};

/**
 * The create-issue request body (`IssueUpdateDetails`), for one flavour.
 * Sources: Cloud OpenAPI operation `createIssue` (POST /rest/api/3/issue) with request body
 * `IssueUpdateDetails` — `fields` a map of field id → value, alongside `update`, `transition`,
 * `properties`, `historyMetadata`; jira.js 5.4.0 src/version3/models/issueUpdateDetails.ts (the
 * v3 `description` is an ADF `Document`) and src/version2/models/issueUpdateDetails.ts;
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-post;
 * Data Center: https://developer.atlassian.com/server/jira/platform/jira-rest-api-example-create-issue-7897248/
 * (project by `key`, issuetype by `name`, description a string, assignee by `name`, priority by
 * `name` or `id`, `duedate` as `YYYY-MM-DD`, labels an array of strings).
 * Field limits: a summary is at most 255 characters and labels hold no whitespace (Jira's field
 * validation, which answers 400 otherwise).
 */
export function createRequestSchema(flavour: 'cloud' | 'datacenter'): object {
  return {
    type: 'object',
    required: ['fields'],
    properties: {
      fields: {
        type: 'object',
        required: ['project', 'summary', 'issuetype'],
        properties: {
          project: reference('key', 'id'),
          summary: { type: 'string', minLength: 1, maxLength: 255 },
          issuetype: reference('name', 'id'),
          description: flavour === 'cloud' ? adfDocSchema : { type: 'string' },
          labels: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 255, pattern: '^\\S+$' } },
          priority: reference('name', 'id'),
          duedate: DATE,
          // Cloud removed user names for privacy: only accountId names a user there.
          assignee: flavour === 'cloud' ? reference('accountId') : reference('name'),
        },
        additionalProperties: false,
      },
      update: { type: 'object' },
      properties: { type: 'array' },
    },
    additionalProperties: false,
  };
}

/**
 * The create-issue answer (`CreatedIssue`, 201).
 * Sources: Cloud OpenAPI schema `CreatedIssue` (id, key, self; optional transition/watchers);
 * jira.js 5.4.0 src/version3/models/createdIssue.ts and src/version2/models/createdIssue.ts,
 * 6.2.0 src/cloud/models/createdIssue.ts (id, key, self required); Data Center example response
 * `{"id":"39000","key":"TEST-101","self":"…/rest/api/2/issue/39000"}` on the create-issue page above.
 */
export const createdIssueSchema = {
  type: 'object',
  required: ['id', 'key', 'self'],
  properties: {
    id: { type: 'string', pattern: '^[0-9]+$' },
    key: { type: 'string', minLength: 3 },
    self: { type: 'string', pattern: '^https?://' },
    transition: { type: 'object' },
    watchers: { type: 'object' },
  },
  additionalProperties: false,
};

/** An issue in a search answer: `IssueBean` with the requested fields only. */
const SEARCH_ISSUE = {
  type: 'object',
  required: ['id', 'key', 'fields'],
  properties: {
    expand: { type: 'string' },
    id: { type: 'string' },
    key: { type: 'string' },
    self: { type: 'string' },
    fields: { type: 'object', properties: { summary: { type: 'string' } } },
  },
};

/**
 * The Cloud enhanced search answer: GET /rest/api/3/search/jql → `SearchAndReconcileResults`.
 * Sources: Cloud OpenAPI operation `searchAndReconsileIssuesUsingJql` and schema
 * `SearchAndReconcileResults` (issues, isLast, nextPageToken, names, schema; no total/startAt);
 * jira.js 6.2.0 src/cloud/models/searchAndReconcileResults.ts (adds `isLast`, nextPageToken
 * nullable, experimental `warnings`) and 5.4.0 src/version3/issueSearch.ts (the `/search/jql`
 * URL); https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-jql-get.
 */
export const searchJqlResponseSchema = {
  type: 'object',
  required: ['issues'],
  properties: {
    issues: { type: 'array', items: SEARCH_ISSUE },
    nextPageToken: { oneOf: [{ type: 'string' }, { type: 'null' }] },
    isLast: { type: 'boolean' },
    names: { type: 'object' },
    schema: { type: 'object' },
    warnings: { type: 'array' },
  },
  additionalProperties: false,
};

/**
 * The Data Center search answer: GET /rest/api/2/search → `SearchResults`.
 * Sources: https://developer.atlassian.com/server/jira/platform/rest/v10005/api-group-search/
 * ("Get issues using JQL": expand, startAt, maxResults, total, issues, warningMessages);
 * jira.js 5.4.0 src/version2/models/searchResults.ts (same bean on Cloud v2). The OpenAPI marks
 * every property optional; Jira always sends the paging numbers, so they are required here.
 */
export const searchV2ResponseSchema = {
  type: 'object',
  required: ['startAt', 'maxResults', 'total', 'issues'],
  properties: {
    expand: { type: 'string' },
    startAt: { type: 'integer', minimum: 0 },
    maxResults: { type: 'integer', minimum: 0 },
    total: { type: 'integer', minimum: 0 },
    issues: { type: 'array', items: SEARCH_ISSUE },
    warningMessages: { type: 'array', items: { type: 'string' } },
    names: { type: 'object' },
    schema: { type: 'object' },
  },
  additionalProperties: false,
};

/**
 * GET /rest/api/{3|2}/issue/{key}?fields=status,summary,assignee,priority,duedate → `IssueBean`.
 * Sources: Cloud OpenAPI schemas `IssueBean` (id, key, self, fields map), `StatusDetails` (name,
 * id, statusCategory), `StatusCategory` (id, key, colorName, name; keys `new`, `indeterminate`,
 * `done`, and `undefined` for "No Category"), `UserDetails` (accountId, displayName; `name` and
 * `key` no longer returned on Cloud), `Priority` (id, name); jira.js 5.4.0
 * src/version3/models/{issue,fields,statusDetails,statusCategory,userDetails,priority}.ts (duedate
 * `string | null`); Data Center users by `name`/`key`/`displayName`:
 * https://developer.atlassian.com/server/jira/platform/rest/v10005/api-group-issue/#api-api-2-issue-issueidorkey-get.
 */
export function issueResponseSchema(flavour: 'cloud' | 'datacenter'): object {
  const user = flavour === 'cloud'
    ? { type: 'object', required: ['accountId'], properties: { accountId: { type: 'string' }, displayName: { type: 'string' }, active: { type: 'boolean' }, accountType: { type: 'string' }, self: { type: 'string' } } }
    : { type: 'object', required: ['name'], properties: { name: { type: 'string' }, key: { type: 'string' }, displayName: { type: 'string' }, active: { type: 'boolean' }, self: { type: 'string' } } };
  return {
    type: 'object',
    required: ['id', 'key', 'fields'],
    properties: {
      expand: { type: 'string' },
      id: { type: 'string' },
      key: { type: 'string' },
      self: { type: 'string' },
      fields: {
        type: 'object',
        required: ['status', 'summary'],
        properties: {
          summary: { type: 'string' },
          status: {
            type: 'object',
            required: ['name', 'statusCategory'],
            properties: {
              name: { type: 'string' },
              id: { type: 'string' },
              self: { type: 'string' },
              statusCategory: {
                type: 'object',
                required: ['key'],
                properties: { key: { enum: ['new', 'indeterminate', 'done', 'undefined'] }, id: { type: 'integer' }, name: { type: 'string' }, colorName: { type: 'string' } },
              },
            },
          },
          assignee: { oneOf: [{ type: 'null' }, user] },
          priority: { oneOf: [{ type: 'null' }, { type: 'object', required: ['name'], properties: { name: { type: 'string' }, id: { type: 'string' } } }] },
          duedate: { oneOf: [{ type: 'null' }, DATE] },
        },
      },
    },
  };
}

/**
 * Jira's error body (`ErrorCollection`), on 4xx.
 * Sources: Cloud OpenAPI schema `ErrorCollection` (errorMessages: string[], errors: field →
 * message, status: integer); jira.js 5.4.0 src/version3/models/errorCollection.ts and 6.2.0
 * src/cloud/models/errorCollection.ts; Atlassian's Java class com.atlassian.jira.rest.Errors as
 * documented at https://docs.atlassian.com/atlassian-bamboo/10.0.0/com/atlassian/bamboo/jira/rest/Errors.html
 * (errorMessages list, errors map of string to string).
 */
export const errorCollectionSchema = {
  type: 'object',
  required: ['errorMessages', 'errors'],
  properties: {
    errorMessages: { type: 'array', items: { type: 'string' } },
    errors: { type: 'object', additionalProperties: { type: 'string' } },
    status: { type: 'integer' },
  },
  additionalProperties: false,
};
