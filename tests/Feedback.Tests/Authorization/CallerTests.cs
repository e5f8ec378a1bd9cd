using System.Security.Claims;
using Feedback.Web.Accounts;
using Feedback.Web.ApiKeys;

namespace Feedback.Tests.Authorization;

/// <summary>The one rule of what a caller may see: department roles their own department, everyone else every department.</summary>
public sealed class CallerTests
{
    [Fact]
    public void From_DepartmentOfficer_SeesOwnDepartmentOnly()
    {
        var caller = Caller.From(Person(Roles.DepartmentOfficer, "D01", id: 7));

        Assert.Equal((Roles.DepartmentOfficer, "D01", 7), (caller.Role, caller.DepartmentCode, caller.UserId));
        Assert.True(caller.CanSee("D01"));
        Assert.False(caller.CanSee("D02"));
    }

    [Fact]
    public void From_DepartmentRoleWithoutItsDepartment_SeesNoDepartment()
    {
        var caller = Caller.From(Person(Roles.DepartmentHead, department: null));

        Assert.False(caller.CanSee("D01"));
        Assert.False(caller.CanSee("D02"));
    }

    [Theory]
    [InlineData(Roles.QualityOfficer)]
    [InlineData(Roles.Leader)]
    [InlineData(Roles.Admin)]
    public void From_CentreRole_SeesEveryDepartment(string role)
    {
        var caller = Caller.From(Person(role, department: "D01"));

        Assert.Null(caller.DepartmentCode);
        Assert.True(caller.CanSee("D02"));
    }

    [Theory]
    [InlineData(ApiKeyScopes.Admin, Roles.Admin)]
    [InlineData(ApiKeyScopes.Read, Roles.Leader)]
    public void From_ApiKey_ActsAsItsRoleOverEveryDepartment(string scope, string role)
    {
        var key = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "erp"), new Claim(ApiKeyAuthenticationHandler.ScopeClaim, scope)], ApiKeyAuthenticationHandler.SchemeName));

        var caller = Caller.From(key);

        Assert.Equal(("apikey:erp", role, null, null), (caller.Name, caller.Role, caller.DepartmentCode, caller.UserId));
        Assert.True(caller.CanSee("D09"));
    }

    private static ClaimsPrincipal Person(string role, string? department, int id = 1)
    {
        List<Claim> claims = [new(ClaimTypes.Name, "someone"), new(ClaimTypes.NameIdentifier, id.ToString()), new(ClaimTypes.Role, role)];
        if (department is not null)
        {
            claims.Add(new(AccountsExtensions.DepartmentClaim, department));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, AccountsExtensions.CookieScheme));
    }
}
