package io.vantage.infrastructure.jpa;

import io.vantage.persistence.security.User;
import io.vantage.persistence.security.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Users in the relational store. */
@ApplicationScoped
public class JpaUserRepository implements UserRepository {

    @PersistenceContext(unitName = "vantage")
    EntityManager em;

    @Override
    public Optional<User> findByUsername(String username) {
        return em.createQuery("select u from User u join fetch u.organization where u.username = :name", User.class)
                .setParameter("name", username)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<User> find(long userId) {
        return Optional.ofNullable(em.find(User.class, userId));
    }

    @Override
    public User add(User user) {
        em.persist(user);
        return user;
    }
}
