# syntax=docker/dockerfile:1
# One image recipe for the four services and the authorization server: docker compose builds it once per
# service with SERVICE set. (/var/lib/trygghetsnav-auth is the authorization server's key volume.)
# The build stage does not use SERVICE, so Docker builds the project once and reuses that layer.

FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:21-jre AS extract
ARG SERVICE
WORKDIR /extract
COPY --from=build /src/${SERVICE}/target/${SERVICE}-0.1.0-SNAPSHOT-exec.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination layers

FROM eclipse-temurin:21-jre
ARG SERVICE
LABEL org.opencontainers.image.title="trygghetsnav-${SERVICE}"
RUN groupadd --system trygghetsnav && useradd --system --gid trygghetsnav trygghetsnav \
    && mkdir -p /var/lib/trygghetsnav-auth && chown trygghetsnav:trygghetsnav /var/lib/trygghetsnav-auth
WORKDIR /app
COPY --from=extract /extract/layers/dependencies/ ./
COPY --from=extract /extract/layers/spring-boot-loader/ ./
COPY --from=extract /extract/layers/snapshot-dependencies/ ./
COPY --from=extract /extract/layers/application/ ./
USER trygghetsnav
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
