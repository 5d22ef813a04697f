package io.vantage.persistence.security;

import java.util.List;
import java.util.Optional;

/** API tokens, found by the hash of their secret. */
public interface ApiTokenRepository {

    Optional<ApiToken> findByHash(String tokenHash);

    List<ApiToken> findByUser(long userId);

    Optional<ApiToken> find(long organizationId, long tokenId);

    ApiToken add(ApiToken token);
}
