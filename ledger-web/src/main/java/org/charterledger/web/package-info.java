/**
 * What the command and the query service share at their edges: the problem responses, the limits on a request,
 * the answer while the database is away, and the check of the configured users' passwords.
 */
package org.charterledger.web;
