using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Feedback.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class OrganisationRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "hall",
                table: "windows",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "retired_at",
                table: "windows",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "retired_at",
                table: "staff",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "service_items",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "immediate");

            migrationBuilder.AddColumn<short>(
                name: "promised_days",
                table: "service_items",
                type: "smallint",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "retired_at",
                table: "service_items",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "area_code",
                table: "departments",
                type: "character varying(6)",
                maxLength: 6,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "credit_code",
                table: "departments",
                type: "character varying(18)",
                maxLength: 18,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "retired_at",
                table: "departments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "org_uploads",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    uploaded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    retire_missing = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_org_uploads", x => x.id);
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_service_items_promised_days",
                table: "service_items",
                sql: "(kind = 'immediate' AND promised_days IS NULL) OR (kind = 'promised' AND promised_days BETWEEN 1 AND 365)");

            // A change counter for the register: every statement that changes one of its tables bumps it, in the
            // same transaction, so each process's cached copy of the register (OrgDirectory) notices another
            // process's change by reading one row, and never before the change is committed.
            migrationBuilder.Sql("""
                CREATE TABLE org_register_version (
                    id smallint PRIMARY KEY CHECK (id = 1),
                    version bigint NOT NULL
                );
                INSERT INTO org_register_version VALUES (1, 0);
                CREATE FUNCTION org_register_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE org_register_version SET version = version + 1 WHERE id = 1;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER departments_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON departments
                    FOR EACH STATEMENT EXECUTE FUNCTION org_register_changed();
                CREATE TRIGGER windows_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON windows
                    FOR EACH STATEMENT EXECUTE FUNCTION org_register_changed();
                CREATE TRIGGER staff_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON staff
                    FOR EACH STATEMENT EXECUTE FUNCTION org_register_changed();
                CREATE TRIGGER service_items_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON service_items
                    FOR EACH STATEMENT EXECUTE FUNCTION org_register_changed();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION org_register_changed() CASCADE;
                DROP TABLE org_register_version;
                """);

            migrationBuilder.DropTable(
                name: "org_uploads");

            migrationBuilder.DropCheckConstraint(
                name: "ck_service_items_promised_days",
                table: "service_items");

            migrationBuilder.DropColumn(
                name: "hall",
                table: "windows");

            migrationBuilder.DropColumn(
                name: "retired_at",
                table: "windows");

            migrationBuilder.DropColumn(
                name: "retired_at",
                table: "staff");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "service_items");

            migrationBuilder.DropColumn(
                name: "promised_days",
                table: "service_items");

            migrationBuilder.DropColumn(
                name: "retired_at",
                table: "service_items");

            migrationBuilder.DropColumn(
                name: "area_code",
                table: "departments");

            migrationBuilder.DropColumn(
                name: "credit_code",
                table: "departments");

            migrationBuilder.DropColumn(
                name: "retired_at",
                table: "departments");
        }
    }
}
