package io.vantage.infrastructure.jpa;

import io.vantage.persistence.security.ApiToken;
import io.vantage.persistence.security.ApiTokenRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** API tokens in the relational store. */
@ApplicationScoped
public class JpaApiTokenRepository implements ApiTokenRepository {

    @PersistenceContext(unitName = "vantage")
    EntityManager em;

    @Override
    public Optional<ApiToken> findByHash(String tokenHash) {
        return em.createQuery("select t from ApiToken t join fetch t.user"
                        + " where t.tokenHash = :hash", ApiToken.class)
                .setParameter("hash", tokenHash)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<ApiToken> findByUser(long userId) {
        return em.createQuery("select t from ApiToken t where t.user.id = :user order by t.createdAt", ApiToken.class)
                .setParameter("user", userId)
                .getResultList();
    }

    @Override
    public Optional<ApiToken> find(long organizationId, long tokenId) {
        return em.createQuery("select t from ApiToken t where t.organization.id = :org and t.id = :id", ApiToken.class)
                .setParameter("org", organizationId)
                .setParameter("id", tokenId)
                .getResultStream()
                .findFirst();
    }

    @Override
    public ApiToken add(ApiToken token) {
        em.persist(token);
        return token;
    }
}
