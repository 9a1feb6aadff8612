# fsdh-bot container: build with Maven on a JDK 21, run on a JRE 21 as a non-root user.
#   docker build -t fsdh-bot .
#   docker run -p 3000:3000 -v $PWD/fsdh.yml:/config/fsdh.yml:ro \
#     -e SLACK_BOT_TOKEN -e SLACK_SIGNING_SECRET -e FSDH_DB_URL -e FSDH_DB_USER -e FSDH_DB_PASSWORD \
#     -e FSDH_POC_DATABRICKS_TOKEN ... fsdh-bot
FROM maven:3.9.11-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q --no-transfer-progress dependency:go-offline
COPY src src
RUN mvn -B -q --no-transfer-progress -DskipTests package

FROM eclipse-temurin:21-jre
# fontconfig and a font: the campaign chart is drawn with AWT, headless, which needs both
# (without them: "libfreetype.so.6: cannot open shared object file", adoptium/temurin-build#3101).
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl fontconfig fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system fsdh && useradd --system --gid fsdh --home-dir /app --shell /usr/sbin/nologin fsdh \
 && mkdir -p /app/data /config && chown fsdh:fsdh /app/data
WORKDIR /app
COPY --from=build /src/target/fsdh-bot.jar /app/fsdh-bot.jar
USER fsdh
ENV FSDH_CONFIG=/config/fsdh.yml \
    FSDH_PORT=3000 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 3000
VOLUME ["/app/data"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${FSDH_PORT}/healthz" || exit 1
ENTRYPOINT ["java", "-jar", "/app/fsdh-bot.jar"]
CMD ["serve"]
