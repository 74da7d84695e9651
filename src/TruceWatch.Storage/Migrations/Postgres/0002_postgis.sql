-- A geography point per report, for spatial queries to come, when the server has PostGIS and we may install it. Without PostGIS
-- (not installed on the server, or no privilege to create the extension) this step records itself as applied and changes nothing:
-- every other feature works without it. The column is generated from lat/lon, so no write path needs to know it exists.
DO $migration$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'postgis') THEN
        RAISE NOTICE 'PostGIS is not installed on this server; reports get no geom column.';
        RETURN;
    END IF;

    BEGIN
        CREATE EXTENSION IF NOT EXISTS postgis;
    EXCEPTION WHEN insufficient_privilege OR feature_not_supported OR undefined_file OR object_not_in_prerequisite_state THEN
        RAISE NOTICE 'PostGIS could not be installed (%); reports get no geom column.', SQLERRM;
        RETURN;
    END;

    -- Dynamic SQL: the geography type only exists once the extension does.
    EXECUTE $sql$
        ALTER TABLE reports ADD COLUMN geom geography(Point, 4326)
            GENERATED ALWAYS AS (CASE WHEN lat IS NOT NULL AND lon IS NOT NULL THEN ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography END) STORED
    $sql$;
    EXECUTE 'CREATE INDEX reports_by_geom ON reports USING gist (geom)';
END
$migration$;
